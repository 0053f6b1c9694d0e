-- The read model: per Distributor, what staff list, count and search,
-- mirrored from Telegent by sweeps and written through by the portal's own
-- changes (see app/src/read_model). A copy: `confirmed_at` says when
-- Telegent last confirmed a row. Every row carries its Distributor and
-- Account, and every query filters by the caller's scope first.
CREATE TABLE rm_accounts (
    distributor_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    -- lower-case name: the sort key
    name_key TEXT NOT NULL,
    address TEXT NOT NULL,
    -- counts rolled up from the rows below, kept with every change
    subscribers BIGINT NOT NULL DEFAULT 0,
    managers BIGINT NOT NULL DEFAULT 0,
    lines BIGINT NOT NULL DEFAULT 0,
    confirmed_at TEXT NOT NULL,
    -- set when the portal itself created or changed the Account: a full
    -- sweep that read Telegent before then keeps this row over its read
    written_at TEXT,
    PRIMARY KEY (distributor_id, account_id)
);
CREATE INDEX rm_accounts_by_name ON rm_accounts (distributor_id, name_key);

CREATE TABLE rm_subscribers (
    distributor_id TEXT NOT NULL,
    subscriber_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    email TEXT NOT NULL,
    -- Telegent's spelling: Subscriber, Manager, Account Admin
    role TEXT NOT NULL,
    -- E.164, separated by spaces
    numbers TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    -- set by the portal's own change (write-through): a full sweep that
    -- read Telegent before it keeps this row rather than its older read
    written_at TEXT,
    PRIMARY KEY (distributor_id, subscriber_id)
);
CREATE INDEX rm_subscribers_by_account ON rm_subscribers (distributor_id, account_id);
CREATE INDEX rm_subscribers_by_name ON rm_subscribers (distributor_id, name_key);
CREATE INDEX rm_subscribers_by_email ON rm_subscribers (distributor_id, lower(email));

CREATE TABLE rm_numbers (
    distributor_id TEXT NOT NULL,
    msisdn TEXT NOT NULL,
    number_id TEXT NOT NULL,
    iccid TEXT NOT NULL,
    account_id TEXT NOT NULL,
    -- empty: no subscriber (an orphan)
    subscriber_id TEXT NOT NULL,
    status TEXT NOT NULL,
    product_type TEXT NOT NULL,
    message_route_id TEXT NOT NULL,
    voice_route_id TEXT NOT NULL,
    -- this cycle's data, when read: KB used, the limit in KB, percent used,
    -- the behaviour (active, throttled, blocked; empty: unknown)
    used_kb BIGINT,
    limit_kb BIGINT,
    percent BIGINT,
    behaviour TEXT NOT NULL DEFAULT '',
    usage_confirmed_at TEXT,
    confirmed_at TEXT NOT NULL,
    -- set when the portal changed the limit (write-through), as above
    written_at TEXT,
    PRIMARY KEY (distributor_id, msisdn)
);
CREATE INDEX rm_numbers_by_account ON rm_numbers (distributor_id, account_id);
CREATE INDEX rm_numbers_by_subscriber ON rm_numbers (distributor_id, subscriber_id);

-- One row per Distributor: when its sweeps ran and what they cost.
CREATE TABLE rm_sweeps (
    distributor_id TEXT PRIMARY KEY,
    -- the last full sweep and the last usage sweep that finished
    full_at TEXT,
    usage_at TEXT,
    -- the running sweep, if any, and the last one's figures
    running_since TEXT,
    last_kind TEXT NOT NULL DEFAULT '',
    last_calls BIGINT NOT NULL DEFAULT 0,
    last_millis BIGINT NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    -- when a sweep last failed (an empty copy is not read again at once)
    failed_at TEXT,
    -- "refresh now": when someone last asked (rate-limited)
    requested_at TEXT
);

-- Text search over the three kinds of row, with SQLite's own full-text
-- index: trigrams, so any part of a name, e-mail, number or ID is found
-- (LIKE '%…%' is answered from the index for three characters or more).
-- `haystack` is lower-case; the other columns are not indexed.
CREATE VIRTUAL TABLE rm_search USING fts5(
    haystack,
    distributor_id UNINDEXED,
    account_id UNINDEXED,
    kind UNINDEXED,
    ref_id UNINDEXED,
    tokenize = 'trigram'
);
