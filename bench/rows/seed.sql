INSERT INTO product (sku, name, low_stock_threshold, version, created_at, updated_at)
SELECT 'bench-wide-' || i, 'Product ' || i, NULL, 0, now(), now() FROM generate_series(0, 9999) i;
INSERT INTO location_stock (product_id, sku, location, stock, reserved, version, updated_at, product_locations)
SELECT id, sku, 'DEFAULT', 100000000, 0, 0, now(), 1 FROM product ORDER BY id;
INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, reference, actor, created_at)
SELECT id, 'DEFAULT', 'INITIAL', 100000000, 100000000, NULL, 'bench-client', now() FROM product ORDER BY id;
-- prototype: the lines as a jsonb column of deduction (variant F)
ALTER TABLE deduction ADD COLUMN lines jsonb;
-- time-ordered uuid as the service's TimeOrderedUuid (48-bit ms timestamp first), so PK inserts append
CREATE FUNCTION time_uuid() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
          || '7' || substr(md5(random()::text), 1, 19))::uuid $$;
VACUUM ANALYZE;
