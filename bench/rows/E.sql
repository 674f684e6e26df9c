\set p1 random(0, 9999)
\set p2 random(0, 9998)
\if :p2 >= :p1
\set p2 :p2 + 1
\endif
\set n random(1, 1000000000000)
BEGIN;
SELECT array_agg(id) AS ids, array_agg(product_id) AS pids, array_agg(location) AS locs,
       array_agg(stock - 1) AS stocks, array_agg(reserved) AS reserved
  FROM (SELECT s.id, s.product_id, s.location, s.stock, s.reserved FROM location_stock s
         WHERE s.sku IN ('bench-wide-' || :p1, 'bench-wide-' || :p2)
         ORDER BY s.product_id, s.location FOR NO KEY UPDATE) locked \gset
UPDATE location_stock s
   SET stock = changed.stock, reserved = changed.reserved, version = s.version + 1, updated_at = clock_timestamp()
  FROM unnest(:ids::bigint[], :stocks::integer[], :reserved::integer[]) AS changed (id, stock, reserved)
 WHERE s.id = changed.id;
END;
