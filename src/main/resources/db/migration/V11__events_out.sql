-- Contract v1.2 §3, events out through a transactional outbox: Spring Modulith's event publication registry (its
-- JDBC schema v2 for PostgreSQL, created here rather than by the library's schema initialisation, so that Flyway owns
-- every table). A publication is written in the transaction of the change it reports and completed once the broker
-- confirmed it; incomplete ones are resubmitted (docs/events.md).
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
-- The registry completes a publication by its listener and serialized event.
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
-- What is outstanding (the gauge and the resubmission read it): the incomplete ones, oldest first.
CREATE INDEX event_publication_incomplete_idx ON event_publication (publication_date) WHERE completion_date IS NULL;

-- How many locations the row's product is kept at, on each of its rows: 1 when the row is the product's only one, at
-- least 2 when it has others. A transaction that changed one row without locking the product's other rows (the atomic
-- and optimistic strategies) reads it from the row it changed, which it holds locked: 1 means the row is the product's
-- whole stock, so its new figures are the product's (the availability events are decided on them). A row added at a
-- new location locks and updates every other row of the product, so it waits for every such transaction, and they
-- for it.
ALTER TABLE location_stock ADD COLUMN product_locations integer NOT NULL DEFAULT 1;
UPDATE location_stock s SET product_locations = counted.locations
  FROM (SELECT product_id, count(*) AS locations FROM location_stock GROUP BY product_id HAVING count(*) > 1) counted
 WHERE s.product_id = counted.product_id;
ALTER TABLE location_stock ADD CONSTRAINT location_stock_product_locations_positive CHECK (product_locations >= 1);
