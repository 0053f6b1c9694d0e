-- One live (draft or open) port-in per number and Distributor, held by the
-- database: two requests that both found none (two tabs, two bulk runs)
-- cannot both start one. Ended ones are kept for history.
CREATE UNIQUE INDEX port_ins_one_live ON port_ins (distributor_id, msisdn) WHERE stage <> 'ended';
