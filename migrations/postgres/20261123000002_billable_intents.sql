-- PostgreSQL twin of ../sqlite/20261123000002_billable_intents.sql.
CREATE TABLE billable_intents (
    intent_key     TEXT PRIMARY KEY NOT NULL,
    distributor_id TEXT NOT NULL,
    operation      TEXT NOT NULL,
    request_json   TEXT NOT NULL,
    -- sending | succeeded | failed | unknown
    state          TEXT NOT NULL,
    response_json  TEXT,
    error_message  TEXT,
    created_at     TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    updated_at     TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);

CREATE INDEX billable_intents_by_state ON billable_intents (state, distributor_id);
