-- The port-in cockpit: every port-in the portal prepared or submitted, kept
-- after it ends (Telegent lists no orders, so this is the only list there
-- is). The losing carrier's account number and PIN are never kept: they are
-- asked when the port-in is submitted or corrected, sent, and forgotten.
CREATE TABLE port_ins (
    -- "PI-" and 12 hex digits: the page's address.
    id TEXT PRIMARY KEY,
    distributor_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    msisdn TEXT NOT NULL,
    -- mvno | iot (the eligibility check's TargetClassification)
    classification TEXT NOT NULL,
    -- What the eligibility check said: carrier and line type (wireline needs a port date).
    current_carrier TEXT NOT NULL DEFAULT '',
    number_type TEXT NOT NULL DEFAULT '',
    carrier_name TEXT NOT NULL DEFAULT '',
    subscriber_name TEXT NOT NULL DEFAULT '',
    -- {"Street1", "Street2", "City", "State", "Zip"}
    billing_json TEXT NOT NULL DEFAULT '{}',
    iccid TEXT NOT NULL DEFAULT '',
    -- MM/DD/YYYY as Telegent takes it; empty when none was asked.
    port_date TEXT NOT NULL DEFAULT '',
    -- Who confirmed that the subscriber signed the letter of authorization, and when.
    loa_by TEXT NOT NULL DEFAULT '',
    loa_at TEXT NOT NULL DEFAULT '',
    -- draft | open | ended
    stage TEXT NOT NULL,
    -- Telegent's status (either vocabulary), or Draft.
    status TEXT NOT NULL,
    status_message TEXT NOT NULL DEFAULT '',
    order_id TEXT,
    -- The submit's intent key: one billed port-in per draft, whatever is clicked twice.
    intent_key TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    submitted_by INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    checked_at TEXT
);
CREATE INDEX port_ins_by_scope ON port_ins (distributor_id, account_id, stage);
CREATE INDEX port_ins_by_order ON port_ins (distributor_id, order_id);

-- A port-in's timeline: status changes seen, the portal's own steps
-- (drafted, submitted, corrected, cancelled) and staff's internal notes.
CREATE TABLE port_in_events (
    id INTEGER PRIMARY KEY,
    port_in_id TEXT NOT NULL,
    at TEXT NOT NULL,
    -- status | step | note
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    -- The portal user's e-mail, or "Telegent" for a status seen by the refresh.
    actor TEXT NOT NULL
);
CREATE INDEX port_in_events_by_port_in ON port_in_events (port_in_id, id);
