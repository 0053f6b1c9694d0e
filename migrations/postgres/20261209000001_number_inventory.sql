-- What the numbers inventory shows and filters on, copied by the sweeps:
-- the line's kind (mvno | iot: Telegent's Classification, lower-cased) and
-- its capabilities ("sms voice data", those that are on, space-separated).
-- Empty until the next full sweep reads them.
ALTER TABLE rm_numbers ADD COLUMN classification TEXT NOT NULL DEFAULT '';
ALTER TABLE rm_numbers ADD COLUMN capabilities TEXT NOT NULL DEFAULT '';
