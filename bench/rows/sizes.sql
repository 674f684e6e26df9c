\pset footer off
SELECT c.relname AS table, t.n AS rows,
       pg_relation_size(c.oid) AS heap_bytes,
       pg_indexes_size(c.oid) AS index_bytes,
       round(pg_relation_size(c.oid)::numeric / t.n, 1) AS heap_per_row,
       round(pg_indexes_size(c.oid)::numeric / t.n, 1) AS index_per_row,
       round(pg_total_relation_size(c.oid)::numeric / t.n, 1) AS total_per_row
  FROM (VALUES ('deduction', (SELECT count(*) FROM deduction)),
               ('deduction_line', (SELECT count(*) FROM deduction_line)),
               ('stock_movement', (SELECT count(*) FROM stock_movement))) t (name, n)
  JOIN pg_class c ON c.relname = t.name;
SELECT i.relname AS index, pg_relation_size(i.oid) AS bytes,
       round(pg_relation_size(i.oid)::numeric / greatest(c.reltuples, 1)::numeric, 1) AS bytes_per_row
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
 WHERE c.relname IN ('deduction', 'deduction_line', 'stock_movement') ORDER BY 1;
-- heap tuple sizes by shape of the deduction row (tuple data; + 24 B header rounded + 4 B line pointer on the page)
SELECT CASE WHEN lines IS NOT NULL THEN 'with jsonb lines (F)' WHEN line_skus IS NOT NULL THEN 'with array lines (G)' ELSE 'plain (A-C)' END AS shape,
       count(*), round(avg(pg_column_size(d.*)), 1) AS avg_tuple_bytes,
       round(avg(pg_column_size(lines)), 1) AS avg_jsonb, round(avg(pg_column_size(line_skus) + pg_column_size(line_quantities) + pg_column_size(line_locations)), 1) AS avg_arrays
  FROM deduction d GROUP BY 1;
SELECT 'deduction_line' AS t, round(avg(pg_column_size(l.*)), 1) AS avg_tuple_bytes FROM deduction_line l
UNION ALL SELECT 'stock_movement', round(avg(pg_column_size(m.*)), 1) FROM stock_movement m WHERE kind = 'DEDUCT';
