-- A line's usage history belongs to its assignment (Account and subscriber):
-- a number moved to someone else starts a fresh history, and never shows the
-- previous owner's. Rows from before this change belong to nobody.
ALTER TABLE usage_samples ADD COLUMN account_id TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_samples ADD COLUMN subscriber_id TEXT NOT NULL DEFAULT '';
