-- Portal users. Scope follows the role: platform admins have none, distributor
-- roles a distributor_id, account roles an account_id too, and Manager,
-- Account Admin and Subscriber users are linked to their Telegent subscriber.
CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    email                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name         TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    -- PlatformAdmin | DistributorAdmin | DistributorViewer | AccountAdmin | Manager | Subscriber
    role                 TEXT NOT NULL,
    distributor_id       TEXT,
    account_id           TEXT,
    subscriber_id        TEXT,
    -- invited | active | disabled
    status               TEXT NOT NULL DEFAULT 'invited',
    must_change_password INTEGER NOT NULL DEFAULT 1,
    failed_logins        INTEGER NOT NULL DEFAULT 0,
    last_failed_login_at TEXT,
    -- Bumped on password, role or status change: sessions from before are void.
    session_epoch        INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX users_by_distributor ON users (distributor_id, account_id);

-- Every mutation, in the same transaction as the portal's own change, or
-- before the upstream call with its outcome recorded after.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    user_id        INTEGER,
    user_email     TEXT NOT NULL,
    role           TEXT NOT NULL,
    distributor_id TEXT,
    account_id     TEXT,
    action         TEXT NOT NULL,
    target_ids     TEXT NOT NULL DEFAULT '',
    -- pending | succeeded | failed | denied
    outcome        TEXT NOT NULL,
    detail         TEXT NOT NULL DEFAULT '',
    request_id     TEXT,
    client_address TEXT
);

CREATE INDEX audit_by_scope ON audit_log (distributor_id, account_id, at);
