-- Mail the portal sends (password resets now; port-in notices and takeover
-- alerts later). Without SMTP this table is the mail: the outbox page shows
-- what would have been sent. With SMTP it is the delivery log, and bodies
-- that carry a secret (a reset link) are not kept.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- PasswordReset | Notice
    kind           TEXT NOT NULL,
    to_email       TEXT NOT NULL,
    subject        TEXT NOT NULL,
    body_text      TEXT NOT NULL,
    -- The recipient's scope when the mail was made: who else may read it.
    distributor_id TEXT,
    account_id     TEXT,
    -- kept | sending | sent | failed
    delivery       TEXT NOT NULL,
    delivery_note  TEXT NOT NULL DEFAULT ''
);

CREATE INDEX outbox_by_scope ON outbox (distributor_id, id);
