-- Idempotency keys of restocks (the Idempotency-Key header): per client, the request a key was first used for and
-- the answer it got. A row is written in the same transaction as its restock, so a committed restock always has its
-- answer and a rolled-back one leaves no key. Rows are kept at least inventory.idempotency-keys.retention (24 h) and
-- then purged by created_at.

CREATE TABLE restock_idempotency_key (
    client_id       varchar(255) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    -- The request as the service understood it (method, path, canonical body), not as it was spelt.
    request         text         NOT NULL,
    status          smallint     NOT NULL,
    -- json, not jsonb: the answer is replayed as it was written, members in their order.
    body            json         NOT NULL,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (client_id, idempotency_key),
    CONSTRAINT restock_idempotency_key_visible_ascii CHECK (idempotency_key ~ '^[!-~]{1,255}$'),
    CONSTRAINT restock_idempotency_key_status_known CHECK (status BETWEEN 200 AND 599)
);

-- What the purge looks for: keys older than the retention.
CREATE INDEX restock_idempotency_key_by_age ON restock_idempotency_key (created_at);
