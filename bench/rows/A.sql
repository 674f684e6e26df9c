\set p1 random(0, 9999)
\set p2 random(0, 9998)
\if :p2 >= :p1
\set p2 :p2 + 1
\endif
\set n random(1, 1000000000000)
BEGIN;
WITH claimed AS (
    INSERT INTO deduction (id, client_id, order_id, status, strategy, attempts, created_at)
    SELECT o.id, o.client_id, o.order_id, 'COMPLETED', 'batched', 1, o.created_at
      FROM unnest(ARRAY[time_uuid()], ARRAY['bench-client']::varchar[], ARRAY['o1-' || :client_id || '-' || :n]::varchar[], ARRAY[clock_timestamp()])
               AS o (id, client_id, order_id, created_at)
     ORDER BY o.client_id, o.order_id
    ON CONFLICT (client_id, order_id) DO NOTHING
    RETURNING id),
claimed_lines AS (
    INSERT INTO deduction_line (deduction_id, line_no, sku, quantity, location)
    SELECT c.id, line.line_no, line.sku, line.quantity, line.location
      FROM claimed c, unnest(ARRAY[0, 1], ARRAY['bench-wide-' || :p1, 'bench-wide-' || :p2]::varchar[], ARRAY[1, 1], ARRAY[NULL, NULL]::varchar[])
               AS line (line_no, sku, quantity, location))
SELECT id FROM claimed;
SELECT array_agg(id) AS ids, array_agg(product_id) AS pids, array_agg(location) AS locs,
       array_agg(stock - 1) AS stocks, array_agg(reserved) AS reserved
  FROM (SELECT s.id, s.product_id, s.location, s.stock, s.reserved FROM location_stock s
         WHERE s.sku IN ('bench-wide-' || :p1, 'bench-wide-' || :p2)
         ORDER BY s.product_id, s.location FOR NO KEY UPDATE) locked \gset
UPDATE location_stock s
   SET stock = changed.stock, reserved = changed.reserved, version = s.version + 1, updated_at = clock_timestamp()
  FROM unnest(:ids::bigint[], :stocks::integer[], :reserved::integer[]) AS changed (id, stock, reserved)
 WHERE s.id = changed.id;
INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, reference, actor, created_at)
SELECT m.product_id, m.location, m.kind, m.quantity, m.stock_after, m.reference, m.actor, clock_timestamp()
  FROM unnest(:pids::bigint[], :locs::varchar[], ARRAY['DEDUCT', 'DEDUCT']::varchar[], ARRAY[1, 1], :stocks::integer[],
              ARRAY['o1-' || :client_id || '-' || :n, 'o1-' || :client_id || '-' || :n]::varchar[], ARRAY['bench-client', 'bench-client']::varchar[])
           WITH ORDINALITY AS m (product_id, location, kind, quantity, stock_after, reference, actor, position)
 ORDER BY m.position
RETURNING id;
END;
