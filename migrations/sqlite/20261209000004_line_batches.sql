-- A status change for a selection of lines: each line's result (done, or
-- why not), kept for the person who asked so the list can show it after
-- the post (with or without JavaScript). Each line's change is audited on
-- its own as well.
CREATE TABLE line_batches (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    -- suspend | restore | deactivate
    change TEXT NOT NULL,
    -- [[msisdn, done, message], ...]
    results_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
