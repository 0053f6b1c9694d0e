-- The in-portal notification centre: one row per person told. Takeover
-- protection (a port-out PIN, a SIM swap, a number swap on a line) tells
-- the Account's Manager and admins at once; port-in status changes tell
-- the submitter and the Manager.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    distributor_id TEXT,
    account_id TEXT,
    -- Takeover | PortIn
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_by_user ON notifications (user_id, read_at, id);
