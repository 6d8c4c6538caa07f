#!/usr/bin/env bash
# Seeding benchmark: rows and seconds per writer and scale, against PostgreSQL restoring the same rows itself.
#
#   bench/benchmark.sh [SCALE ...]          default: 1 100
#
# For each scale: seeds a fresh database with each writer (JVM start to exit, -Xmx256m, GC log for peak heap),
# dumps the COPY writer's rows with pg_dump --data-only, restores that file with psql -f into a fresh database
# holding the same schema, and prints both times and their ratio. Needs psql, pg_dump and a PostgreSQL server
# (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres). Writes scratch files under bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 100)
. bench/lib.sh
db_url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
rows_in() { psql -qAtX -d "$1" -c "SELECT sum(n_live_tup)::bigint FROM pg_stat_user_tables WHERE schemaname = 'public'"; }
peak_heap_mb() { # largest heap occupancy before any collection, from the unified GC log
  grep -oE '[0-9]+M->[0-9]+M' "$1" | cut -d'M' -f1 | sort -n | tail -n 1; }

printf '%-6s %-22s %12s %10s %12s %10s %9s\n' scale run rows seconds rows/s peak-heap ratio
for scale in "${scales[@]}"; do
  declare -A secs=() rows=() heap=()
  for writer in copy jpa; do
    db="bench_${writer}_$(echo "$scale" | tr . _)"
    fresh_db "$db"
    gclog="$out/gc-$writer-$scale.log"
    t0=$(now_s)
    java -Xmx256m -Xlog:gc:file="$gclog" -jar "$jar" seed --db "$(db_url "$db")" --create-schema \
      --scale "$scale" --seed 42 --now "$NOW" --writer "$writer" > "$out/seed-$writer-$scale.txt"
    t1=$(now_s)
    psql -qX -d "$db" -c 'VACUUM ANALYZE' >/dev/null
    secs[$writer]=$(echo "$t1 - $t0" | bc -l)
    rows[$writer]=$(grep '^total' "$out/seed-$writer-$scale.txt" | awk '{gsub(",", "", $4); print $4}')
    heap[$writer]=$(peak_heap_mb "$gclog")
  done

  # The reference: PostgreSQL restoring the same rows from a data-only dump into the same (empty) schema.
  src="bench_copy_$(echo "$scale" | tr . _)"
  ref="bench_restore_$(echo "$scale" | tr . _)"
  pg_dump -d "$src" -n public --schema-only -f "$out/schema-$scale.sql"
  # --disable-triggers: the listing/version foreign keys form a cycle, which a data-only restore cannot order.
  pg_dump -d "$src" -n public --data-only --disable-triggers -f "$out/data-$scale.sql"
  fresh_db "$ref"
  psql -qX -d "$ref" -f "$out/schema-$scale.sql" >/dev/null
  t0=$(now_s)
  psql -qX -v ON_ERROR_STOP=1 -d "$ref" -f "$out/data-$scale.sql" >/dev/null
  t1=$(now_s)
  restore=$(echo "$t1 - $t0" | bc -l)
  restored=$(psql -qAtX -d "$ref" -c "SELECT (SELECT count(*) FROM \"User\") + (SELECT count(*) FROM \"AgentNodeExecutionInputOutput\")")
  seeded=$(psql -qAtX -d "$src" -c "SELECT (SELECT count(*) FROM \"User\") + (SELECT count(*) FROM \"AgentNodeExecutionInputOutput\")")
  [ "$restored" = "$seeded" ] || { echo "restore holds different rows ($restored vs $seeded)" >&2; exit 1; }

  printf '%-6s %-22s %12s %10.2f %12.0f %10s %9s\n' "$scale" "pg restore (psql -f)" "${rows[copy]}" "$restore" \
    "$(echo "${rows[copy]} / $restore" | bc -l)" "-" "1.00"
  for writer in copy jpa; do
    printf '%-6s %-22s %12s %10.2f %12.0f %9sM %9.2f\n' "$scale" "seed --writer $writer" "${rows[$writer]}" \
      "${secs[$writer]}" "$(echo "${rows[$writer]} / ${secs[$writer]}" | bc -l)" "${heap[$writer]:-?}" \
      "$(echo "${secs[$writer]} / $restore" | bc -l)"
  done
  unset secs rows heap
done
