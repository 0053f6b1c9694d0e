-- PostgreSQL twin of ../sqlite/20261123000004_identity.sql.
ALTER TABLE distributors ADD COLUMN account_secret_sealed TEXT NOT NULL DEFAULT '';

CREATE TABLE login_failures (
    key             TEXT PRIMARY KEY NOT NULL,
    failures        BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL
);
