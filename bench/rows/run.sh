#!/bin/bash
export PGHOST=127.0.0.1 PGUSER=postgres
cd "$(dirname "$0")"
. ./scripts.sh
echo "start $(date +%T) $(uptime)" > out/load.txt
for c in 16 64; do
  for r in 1 2 3; do
    for v in A B C D E F G; do
      pgbench -n -M prepared -c $c -j 2 -T 20 -f out/$v.sql rows_bench > out/$v-c$c-r$r.txt 2>&1
      tps=$(grep -oP 'tps = \K[0-9.]+' out/$v-c$c-r$r.txt); lat=$(grep -oP 'latency average = \K[0-9.]+' out/$v-c$c-r$r.txt)
      fail=$(grep -oP 'number of failed transactions: \K[0-9]+' out/$v-c$c-r$r.txt)
      echo "$c $r $v $tps $lat $fail $(cut -d' ' -f1-3 /proc/loadavg)" >> out/results.txt
    done
  done
  echo "after c$c $(date +%T) $(uptime)" >> out/load.txt
done
echo "end $(date +%T) $(uptime)" >> out/load.txt
