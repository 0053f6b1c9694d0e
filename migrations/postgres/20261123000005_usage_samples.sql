-- PostgreSQL twin of ../sqlite/20261123000005_usage_samples.sql.
CREATE TABLE usage_samples (
    msisdn  TEXT NOT NULL,
    at      BIGINT NOT NULL,
    used_kb BIGINT NOT NULL,
    PRIMARY KEY (msisdn, at)
);
