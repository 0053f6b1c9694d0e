-- The partner onboarding checklist (a live page: its steps are ticked from
-- Telegent's state and the portal's records). Only two things are recorded
-- by hand: a section marked "not in scope" (with the reason), and the
-- joint sign-off (who, with whom at Telegent, when). account_id '' is the
-- Distributor's own checklist.
CREATE TABLE onboarding_scope_marks (
    distributor_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    -- accounts | porting_in | porting_out | voice | data | mms
    section TEXT NOT NULL,
    reason TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (distributor_id, account_id, section)
);

CREATE TABLE onboarding_signoffs (
    distributor_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    telegent_contact TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (distributor_id, account_id)
);
