-- The read model's Subscriptions (one per number, `SUB-`), read with the
-- Distributor's subscriber pages (each subscriber lists theirs), so they
-- cost no call of their own. "Active lines without a plan" is asked here.
CREATE TABLE rm_subscriptions (
    distributor_id TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    subscriber_id TEXT NOT NULL,
    -- the number's TNID (rm_numbers.number_id)
    tnid TEXT NOT NULL,
    package_id TEXT NOT NULL,
    -- Telegent's Type: mvno, iot, …
    kind TEXT NOT NULL,
    -- 1 active, 0 not, NULL unknown
    active BIGINT,
    confirmed_at TEXT NOT NULL,
    -- set by the portal's own change (write-through): kept over an older sweep's read
    written_at TEXT,
    PRIMARY KEY (distributor_id, subscription_id)
);
CREATE INDEX rm_subscriptions_by_number ON rm_subscriptions (distributor_id, tnid);
CREATE INDEX rm_subscriptions_by_account ON rm_subscriptions (distributor_id, account_id);
