-- Password-reset links. Only the SHA-256 of the token is stored, so a copy
-- of the database opens no account; times are the portal clock's seconds.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE INDEX password_resets_by_user ON password_resets (user_id);
