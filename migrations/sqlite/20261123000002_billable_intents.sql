-- Billable Telegent calls (provision, port-in, port-out, outbound message,
-- subscription create) have no idempotency key upstream. The portal writes an
-- intent here before sending, so a double click, a repeated form post or a
-- retry after an ambiguous failure never orders the same thing twice.
CREATE TABLE billable_intents (
    intent_key     TEXT PRIMARY KEY NOT NULL,
    distributor_id TEXT NOT NULL,
    operation      TEXT NOT NULL,
    request_json   TEXT NOT NULL,
    -- sending | succeeded | failed | unknown
    state          TEXT NOT NULL,
    response_json  TEXT,
    error_message  TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX billable_intents_by_state ON billable_intents (state, distributor_id);
