-- Bulk reservations: N numbers ordered in one area for an Account, one
-- billed order per item. Each item keeps its intent key, so a run that
-- stopped halfway (a refusal, a restart) is resumed by ordering only the
-- items not yet ordered, and an item whose order went out unconfirmed is
-- reconciled, never sent twice.
CREATE TABLE bulk_runs (
    distributor_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    area_code TEXT NOT NULL,
    -- the order every item sends (the provisioning request, as JSON)
    request_json TEXT NOT NULL,
    requested BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- set while a runner works on it (a stale one is taken over): when it
    -- last moved, and which runner it is (only that one moves or frees it)
    runner_since TEXT,
    runner_id TEXT,
    PRIMARY KEY (distributor_id, run_id)
);
CREATE TABLE bulk_items (
    distributor_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    -- waiting | ordered | failed
    state TEXT NOT NULL,
    intent_key TEXT NOT NULL,
    msisdn TEXT NOT NULL DEFAULT '',
    number_id TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (distributor_id, run_id, position)
);
