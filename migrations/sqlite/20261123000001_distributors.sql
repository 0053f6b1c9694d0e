-- Distributors this portal serves, and how to reach their Telegent API.
-- The API secret is not stored here yet: it comes from configuration (the
-- identity work moves it into this table, encrypted at rest).
CREATE TABLE distributors (
    distributor_id TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    api_base_url   TEXT NOT NULL,
    account_key    TEXT NOT NULL,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
