-- Numbers the portal cancelled, with the effective date: a cancelled number
-- can be reactivated for 30 days after it, and Telegent's details do not
-- say when a number was cancelled. Removed when it is reactivated.
CREATE TABLE number_cancellations (
    distributor_id TEXT NOT NULL,
    msisdn TEXT NOT NULL,
    account_id TEXT NOT NULL,
    -- YYYY-MM-DD
    effective_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (distributor_id, msisdn)
);
