-- Distributor API secrets, sealed (XChaCha20-Poly1305, key from configuration).
ALTER TABLE distributors ADD COLUMN account_secret_sealed TEXT NOT NULL DEFAULT '';

-- Failed sign-ins per e-mail address and per client address. Keyed by what
-- was typed, whether or not such a user exists, so throttling itself tells
-- nobody which addresses are registered.
CREATE TABLE login_failures (
    key             TEXT PRIMARY KEY NOT NULL,
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);
