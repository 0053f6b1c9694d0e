-- PostgreSQL twin of ../sqlite/20261201000002_intents_per_tenant.sql: intent
-- keys are unique per Distributor, not platform-wide.
ALTER TABLE billable_intents DROP CONSTRAINT billable_intents_pkey;
ALTER TABLE billable_intents ADD PRIMARY KEY (distributor_id, intent_key);
