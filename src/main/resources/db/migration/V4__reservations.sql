-- Reservations (checkout holds): one per order id. Units held are in product.reserved; a reservation's fate
-- (confirmed, released, expired) is decided once, under its own row lock.

CREATE TABLE reservation (
    id           uuid        PRIMARY KEY,
    order_id     varchar(64) NOT NULL,
    status       varchar(16) NOT NULL,
    strategy     varchar(32) NOT NULL,
    attempts     integer     NOT NULL,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    decided_at   timestamptz,
    -- Deferred: a confirmation writes its reservation and its deduction in one transaction, in either order.
    deduction_id uuid REFERENCES deduction (id) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT reservation_order_id_key UNIQUE (order_id),
    CONSTRAINT reservation_status_known CHECK (status IN ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    CONSTRAINT reservation_attempts_positive CHECK (attempts >= 1),
    CONSTRAINT reservation_decided_iff_not_active CHECK ((status = 'ACTIVE') = (decided_at IS NULL)),
    CONSTRAINT reservation_deduction_iff_confirmed CHECK ((status = 'CONFIRMED') = (deduction_id IS NOT NULL))
);

-- The lines as ordered, by SKU, as deduction_line.
CREATE TABLE reservation_line (
    reservation_id uuid        NOT NULL REFERENCES reservation (id),
    line_no        integer     NOT NULL,
    sku            varchar(64) NOT NULL,
    quantity       integer     NOT NULL,
    PRIMARY KEY (reservation_id, line_no),
    CONSTRAINT reservation_line_sku_once UNIQUE (reservation_id, sku),
    CONSTRAINT reservation_line_quantity_in_range CHECK (quantity BETWEEN 1 AND 1000000)
);

-- What the sweeper looks for: holds whose time is up. Only ACTIVE ones are indexed, so the index stays small.
CREATE INDEX reservation_active_by_expiry ON reservation (expires_at) WHERE status = 'ACTIVE';
