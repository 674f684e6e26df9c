-- Contract v1.2 §1: orders belong to the OAuth2 client that placed them, and every ledger entry names its actor.
-- Rows from before this migration belong to the client 'pre-v1.2' (docs/security.md says so): no real client has
-- that id unless an operator names one so to claim them.

ALTER TABLE deduction ADD COLUMN client_id varchar(255) NOT NULL DEFAULT 'pre-v1.2';
ALTER TABLE deduction ALTER COLUMN client_id DROP DEFAULT;
ALTER TABLE deduction DROP CONSTRAINT deduction_order_id_key;
-- The idempotency key of a deduction: two clients may both send ORD-1 and get two orders.
ALTER TABLE deduction ADD CONSTRAINT deduction_client_order_id_key UNIQUE (client_id, order_id);

ALTER TABLE reservation ADD COLUMN client_id varchar(255) NOT NULL DEFAULT 'pre-v1.2';
ALTER TABLE reservation ALTER COLUMN client_id DROP DEFAULT;
ALTER TABLE reservation DROP CONSTRAINT reservation_order_id_key;
ALTER TABLE reservation ADD CONSTRAINT reservation_client_order_id_key UNIQUE (client_id, order_id);

-- Who caused each entry: the client (its token's client id), or 'system' for the expiry sweeper. Adding a column
-- with a default rewrites no row (PostgreSQL 11+), so the append-only trigger is not involved.
ALTER TABLE stock_movement ADD COLUMN actor varchar(255) NOT NULL DEFAULT 'pre-v1.2';
ALTER TABLE stock_movement ALTER COLUMN actor DROP DEFAULT;

-- The units each client holds in ACTIVE reservations, kept in the transactions that hold and end holds: the hold
-- quota's counter (inventory.reservation.max-held-units-per-client). A client's row is locked while its holds
-- change, so two racing reservations cannot both pass the cap. It equals, per client, the sum of the quantities of
-- its ACTIVE reservations' lines (counted once here, then kept by the service).
CREATE TABLE client_hold (
    client_id varchar(255) PRIMARY KEY,
    held      bigint       NOT NULL,
    CONSTRAINT client_hold_held_non_negative CHECK (held >= 0)
);

INSERT INTO client_hold (client_id, held)
SELECT r.client_id, sum(line.quantity)
  FROM reservation r JOIN reservation_line line ON line.reservation_id = r.id
 WHERE r.status = 'ACTIVE'
 GROUP BY r.client_id;
