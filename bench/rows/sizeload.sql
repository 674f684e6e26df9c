-- 100,000 orders of 2 lines (random distinct products), as 16 clients interleaved would send them: order ids
-- o1-<client>-<n>, time-ordered ids; in batches of 1,000 orders per statement so that ids and clocks advance.
DO $$
DECLARE b int;
BEGIN
  FOR b IN 0..99 LOOP
    CREATE TEMP TABLE o ON COMMIT DROP AS
      SELECT k, time_uuid() AS id, 'o1-' || (k % 16) || '-' || (k / 16) AS order_id,
             (random() * 9999)::int AS p1, 0 AS p2
        FROM generate_series(b * 1000, b * 1000 + 999) k;
    UPDATE o SET p2 = (p1 + 1 + (random() * 9998)::int) % 10000;
    INSERT INTO deduction (id, client_id, order_id, status, strategy, attempts, created_at)
      SELECT id, 'bench-client', order_id, 'COMPLETED', 'batched', 1, clock_timestamp() FROM o ORDER BY k;
    INSERT INTO deduction_line (deduction_id, line_no, sku, quantity, location)
      SELECT id, l.no, 'bench-wide-' || CASE l.no WHEN 0 THEN p1 ELSE p2 END, 1, NULL
        FROM o, (VALUES (0), (1)) l (no) ORDER BY k, l.no;
    INSERT INTO stock_movement (product_id, location, kind, quantity, stock_after, reference, actor, created_at)
      SELECT p.id, 'DEFAULT', 'DEDUCT', 1, 99999999, o.order_id, 'bench-client', clock_timestamp()
        FROM o, (VALUES (0), (1)) l (no), product p
       WHERE p.sku = 'bench-wide-' || CASE l.no WHEN 0 THEN o.p1 ELSE o.p2 END ORDER BY o.k, p.id;
    DROP TABLE o;
  END LOOP;
END $$;
