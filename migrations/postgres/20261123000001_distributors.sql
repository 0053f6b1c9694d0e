-- PostgreSQL twin of ../sqlite/20261123000001_distributors.sql (same tables,
-- same column meanings; timestamps are ISO-8601 UTC text in both).
CREATE TABLE distributors (
    distributor_id TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    api_base_url   TEXT NOT NULL,
    account_key    TEXT NOT NULL,
    created_at     TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);
