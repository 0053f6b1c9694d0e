-- Data use per line as the portal saw it (for the usage chart of the
-- current cycle; Telegent reports only the running total).
CREATE TABLE usage_samples (
    msisdn  TEXT NOT NULL,
    at      INTEGER NOT NULL,
    used_kb INTEGER NOT NULL,
    PRIMARY KEY (msisdn, at)
);
