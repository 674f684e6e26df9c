#!/bin/bash
# Per-transaction server CPU (our backends only) and WAL bytes, sampled inside a steady -T run.
export PGHOST=127.0.0.1 PGUSER=postgres
cd "$(dirname "$0")"
. ./scripts.sh
sample() {  # prints: cpu_ticks xact_commit wal_lsn_bytes
  psql -d rows_bench -AtF' ' -c "select string_agg(pid::text, ' ') from pg_stat_activity where datname='rows_bench' and backend_type='client backend' and pid <> pg_backend_pid()" \
       -c "select xact_commit, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint from pg_stat_database where datname='rows_bench'" > /tmp/rows_s.$$
  pids=$(sed -n 1p /tmp/rows_s.$$); ticks=0
  for p in $pids; do t=$(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null); ticks=$((ticks + ${t:-0})); done
  echo "$ticks $(sed -n 2p /tmp/rows_s.$$)"
}
echo "start $(date +%T) $(uptime)" >> out/load_cpu.txt
for r in 1 2 3; do
  for v in A B C D E F G; do
    pgbench -n -M prepared -c 16 -j 2 -T 14 -f out/$v.sql rows_bench > out/cpu-$v-r$r.txt 2>&1 &
    pg=$!
    sleep 3; s1=$(sample); sleep 9; s2=$(sample)
    wait $pg
    read t1 x1 w1 <<<"$s1"; read t2 x2 w2 <<<"$s2"
    echo "$r $v $((t2-t1)) $((x2-x1)) $((w2-w1)) $(cut -d' ' -f1 /proc/loadavg)" | awk '{printf "%s %s ticks=%d xacts=%d wal=%d cpu_ms_per_xact=%.3f wal_bytes_per_xact=%.0f load=%s\n",$1,$2,$3,$4,$5,($4?$3*10/$4:0),($4?$5/$4:0),$6}' >> out/cpu.txt
  done
done
echo "end $(date +%T) $(uptime)" >> out/load_cpu.txt
