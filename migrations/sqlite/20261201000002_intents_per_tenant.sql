-- Intent keys are unique per Distributor, not platform-wide: the same key in
-- two tenants is two orders. SQLite cannot change a primary key in place, so
-- the table is rebuilt; every row keeps its key under its own Distributor.
CREATE TABLE billable_intents_per_tenant (
    intent_key     TEXT NOT NULL,
    distributor_id TEXT NOT NULL,
    operation      TEXT NOT NULL,
    request_json   TEXT NOT NULL,
    -- sending | succeeded | failed | unknown
    state          TEXT NOT NULL,
    response_json  TEXT,
    error_message  TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (distributor_id, intent_key)
);
INSERT INTO billable_intents_per_tenant
    SELECT intent_key, distributor_id, operation, request_json, state, response_json, error_message, created_at, updated_at
    FROM billable_intents;
DROP TABLE billable_intents;
ALTER TABLE billable_intents_per_tenant RENAME TO billable_intents;
CREATE INDEX billable_intents_by_state ON billable_intents (state, distributor_id);
