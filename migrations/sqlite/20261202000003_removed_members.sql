-- Members removed from an Account through the portal. Telegent has no way to
-- delete a subscriber, so the portal hides them from the Account's pages;
-- their lines were moved to another member and their Guardian settings
-- deleted before the row was written.
CREATE TABLE removed_members (
    account_id TEXT NOT NULL,
    subscriber_id TEXT NOT NULL,
    distributor_id TEXT NOT NULL,
    removed_at TEXT NOT NULL,
    removed_by BIGINT,
    PRIMARY KEY (account_id, subscriber_id)
);
