#!/bin/bash
# WAL written per order, our database's records only (pg_walinspect), full-page images excluded: deterministic write volume.
export PGHOST=127.0.0.1 PGUSER=postgres
cd "$(dirname "$0")"
. ./scripts.sh
psql -q -d rows_bench -c "CREATE EXTENSION IF NOT EXISTS pg_walinspect"
db=$(psql -d rows_bench -Atc "select oid from pg_database where datname='rows_bench'")
for v in A B C D E F G; do
  s=$(psql -d rows_bench -Atc "select pg_current_wal_insert_lsn()")
  pgbench -n -M prepared -c 4 -j 1 -t 250 -f out/$v.sql rows_bench > out/wal-$v.txt 2>&1
  e=$(psql -d rows_bench -Atc "select pg_current_wal_insert_lsn()")
  psql -d rows_bench -AtF' ' -c "
    with r as (select * from pg_get_wal_records_info('$s', '$e') where block_ref like '%/$db/%')
    select '$v', count(*), sum(record_length - fpi_length), round(sum(record_length - fpi_length)/1000.0,0) as bytes_per_order,
           round(count(*)/1000.0,2) as records_per_order from r" >> out/wal.txt
done
