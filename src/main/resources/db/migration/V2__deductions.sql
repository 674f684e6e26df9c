-- Deductions: one per order (order_id is the idempotency key; its unique constraint decides races).

CREATE TABLE deduction (
    id           uuid        PRIMARY KEY,
    order_id     varchar(64) NOT NULL,
    status       varchar(16) NOT NULL,
    strategy     varchar(32) NOT NULL,
    attempts     integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz,
    CONSTRAINT deduction_order_id_key UNIQUE (order_id),
    CONSTRAINT deduction_status_known CHECK (status IN ('COMPLETED', 'CANCELLED')),
    CONSTRAINT deduction_attempts_positive CHECK (attempts >= 1),
    CONSTRAINT deduction_cancelled_at_iff_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);

-- The lines as ordered. They name the product by SKU, not by a foreign key: the lines are written before any
-- product row is locked (so row locks are held as briefly as possible); what happened to stock is in the
-- ledger, which does reference product.
CREATE TABLE deduction_line (
    deduction_id uuid        NOT NULL REFERENCES deduction (id),
    line_no      integer     NOT NULL,
    sku          varchar(64) NOT NULL,
    quantity     integer     NOT NULL,
    PRIMARY KEY (deduction_id, line_no),
    CONSTRAINT deduction_line_sku_once UNIQUE (deduction_id, sku),
    CONSTRAINT deduction_line_quantity_in_range CHECK (quantity BETWEEN 1 AND 1000000)
);
