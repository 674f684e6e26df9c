# Sourced by run.sh, cpu.sh and wal.sh: writes the pgbench scripts of the variants A … G to out/, each the
# concatenation of its parts (docs/benchmark/rows-per-order.md says what each variant measures).
mkdir -p out
variant_parts() {
  case "$1" in
    A) echo head claim_full stock ledger tail ;;
    B) echo head claim_nolines stock ledger tail ;;
    C) echo head claim_full stock tail ;;
    D) echo head stock ledger tail ;;
    E) echo head stock tail ;;
    F) echo head claim_jsonb stock ledger tail ;;
    G) echo head claim_arrays stock ledger tail ;;
  esac
}
for v in A B C D E F G; do
  for part in $(variant_parts "$v"); do cat "$part.inc"; done > "out/$v.sql"
done
