-- Open orders (provisioning and port-ins) the portal submitted. Telegent has
-- no list of orders, only `numbers/order` by ID: the portal keeps the ones
-- it sent until they end, and its sweeps ask after the oldest ones. A row is
-- deleted when its order completes, is rejected or is cancelled.
CREATE TABLE rm_orders (
    distributor_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    -- provision | portin
    kind TEXT NOT NULL,
    -- E.164, separated by spaces
    numbers TEXT NOT NULL,
    -- as Telegent last said it: Pending, InProgress, ResolutionRequired…
    status TEXT NOT NULL,
    status_message TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (distributor_id, order_id)
);
CREATE INDEX rm_orders_by_age ON rm_orders (distributor_id, submitted_at);
