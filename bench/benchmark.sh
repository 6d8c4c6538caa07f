#!/usr/bin/env bash
# Seeding benchmark: rows and seconds per writer and scale, against PostgreSQL restoring the same rows itself.
#
#   [SCHEMA_VERSION=V] bench/benchmark.sh [SCALE ...]          default: platform-2026-09; 1 100
#
# For each scale: seeds a fresh database with each writer (bin/autogpt-seed, JVM start to exit, -Xmx256m, GC log for
# peak heap: the COPY writer in binary, its default, and once more in text as pg_restore sends it; the JPA writer),
# each with its split of the time into phases (schema, generate, encode, wait, send, index rebuild, key validation,
# commit; bench-results/timings-WRITER-SCALE.txt, per table, index and key), printed after the table; and
# with the COPY writer once more into a database laid out as the platform's migrations leave it (today's
# platform-2026-09 schema, or SCHEMA_VERSION's, with every index, constraint, view, function and trigger, and no rows); then two references from the COPY writer's
# rows: PostgreSQL's own atomic load, pg_restore --single-transaction of a custom-format dump (schema, data, then
# indexes and constraints) into an empty database — the floor every ratio is taken against — and psql -f of a
# data-only dump into a database that already holds the schema with its indexes. Needs psql, pg_dump and a PostgreSQL
# server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres). Every timed load, ours and the references, starts
# after a CHECKPOINT and is vacuumed and analysed after its clock stops (lib.sh: quiet, settle), so none pays for the
# one before it. Each scale's rows are followed by what every timed load cost in CPU: its client's core-seconds (our
# JVM, pg_restore, psql) and the machine's busy and idle core-seconds meanwhile (lib.sh: clock_start, clock_stop),
# for on a machine of few cores a load is bounded by client and server work together. Every database gets pgvector, or the tests' stand-in
# where the server lacks it, so the embeddings table is counted (see with_vector). Writes scratch files under
# bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 100)
version=${SCHEMA_VERSION:-platform-2026-09}
. bench/lib.sh
db_url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
rows_in() { psql -qAtX -d "$1" -c "SELECT sum(n_live_tup)::bigint FROM pg_stat_user_tables WHERE schemaname = 'public'"; }
peak_heap_mb() { # largest heap occupancy before any collection, from the unified GC log
  grep -oE '[0-9]+M->[0-9]+M' "$1" | cut -d'M' -f1 | sort -n | tail -n 1; }

splits=()
# The launcher's class-data archives (one per JIT setting, made by the first seeding run of a jar) are made here,
# untimed, as a user's first run makes them: the timed runs are a user's later runs.
for writer in copy jpa; do
  fresh_db "bench_warmup_$writer"
  with_vector "bench_warmup_$writer" >/dev/null
  bin/autogpt-seed seed --db "$(db_url "bench_warmup_$writer")" --create-schema --schema-version "$version" \
    --users 1 --seed 1 --now "$NOW" --writer "$writer" > /dev/null
done
printf '%-6s %-28s %12s %10s %12s %10s %9s\n' scale run rows seconds rows/s peak-heap "vs floor"
for scale in "${scales[@]}"; do
  declare -A secs=() rows=() heap=() cpus=()
  # copy: binary COPY (the default); text: the same writer sending text COPY, as pg_restore does; jpa: EclipseLink.
  for writer in copy text jpa; do
    db="bench_${writer}_$(echo "$scale" | tr . _)"
    fresh_db "$db"
    vector=$(with_vector "$db")
    gclog="$out/gc-$writer-$scale.log"
    opts="-Dautogpt.seed.timings=$out/timings-$writer-$scale.txt"
    [ "$writer" = text ] && opts="$opts -Dautogpt.seed.copy=text"
    quiet
    clock_start
    JAVA_OPTS="-Xmx256m -Xlog:gc:file=$gclog $opts" bin/autogpt-seed seed --db "$(db_url "$db")" --create-schema \
      --schema-version "$version" --scale "$scale" --seed 42 --now "$NOW" --writer "${writer/text/copy}" \
      > "$out/seed-$writer-$scale.txt"
    clock_stop
    settle "$db"
    secs[$writer]=$took
    cpus[$writer]=$cpu
    rows[$writer]=$(grep '^total' "$out/seed-$writer-$scale.txt" | awk '{gsub(",", "", $4); print $4}')
    heap[$writer]=$(peak_heap_mb "$gclog")
  done

  # Into a migrated, empty platform database: its schema is there (made here, then emptied), the seeder creates nothing.
  migrated="bench_migrated_$(echo "$scale" | tr . _)"
  fresh_db "$migrated"
  with_vector "$migrated" >/dev/null
  bin/autogpt-seed seed --db "$(db_url "$migrated")" --create-schema --schema-version "$version" --users 1 \
    --seed 1 --now "$NOW" > /dev/null
  psql -qX -d "$migrated" -c "DO \$\$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname,
    tablename), ', ') FROM pg_tables WHERE schemaname IN ('public', 'autogpt_seed')); END \$\$" -c 'VACUUM ANALYZE' >/dev/null
  gclog="$out/gc-migrated-$scale.log"
  quiet
  clock_start
  JAVA_OPTS="-Xmx256m -Xlog:gc:file=$gclog" bin/autogpt-seed seed --db "$(db_url "$migrated")" --scale "$scale" --seed 42 \
    --now "$NOW" --writer copy > "$out/seed-migrated-$scale.txt"
  clock_stop
  settle "$migrated"
  secs[migrated]=$took
  cpus[migrated]=$cpu
  rows[migrated]=$(grep '^total' "$out/seed-migrated-$scale.txt" | awk '{gsub(",", "", $4); print $4}')
  heap[migrated]=$(peak_heap_mb "$gclog")
  grep -q ' bulk' "$out/seed-migrated-$scale.txt" || { echo "the migrated database was not loaded bare" >&2; exit 1; }

  src="bench_copy_$(echo "$scale" | tr . _)"
  # The floor: PostgreSQL's own atomic load of the same rows into an empty database, as pg_restore does it.
  atomic="bench_pgrestore_$(echo "$scale" | tr . _)"
  pg_dump -d "$src" -n public -Fc -f "$out/full-$scale.dump"
  fresh_db "$atomic"
  with_vector "$atomic" >/dev/null
  psql -qX -d "$atomic" -c 'DROP SCHEMA public' >/dev/null   # the dump creates it, with its objects
  quiet
  clock_start
  pg_restore --single-transaction --exit-on-error -d "$atomic" "$out/full-$scale.dump"
  clock_stop
  settle "$atomic"
  floor=$took
  cpus[pg_restore]=$cpu

  # psql -f of a data-only dump, into a database holding the schema and its indexes already.
  ref="bench_restore_$(echo "$scale" | tr . _)"
  pg_dump -d "$src" -n public --schema-only -f "$out/schema-$scale.sql"
  # --disable-triggers: the listing/version foreign keys form a cycle, which a data-only restore cannot order.
  pg_dump -d "$src" -n public --data-only --disable-triggers -f "$out/data-$scale.sql"
  fresh_db "$ref"
  with_vector "$ref" >/dev/null
  psql -qX -d "$ref" -c 'DROP SCHEMA public' >/dev/null   # the dump creates it
  psql -qX -d "$ref" -f "$out/schema-$scale.sql" >/dev/null
  quiet
  clock_start
  psql -qX -v ON_ERROR_STOP=1 -d "$ref" -f "$out/data-$scale.sql" >/dev/null
  clock_stop
  settle "$ref"
  restore=$took
  cpus[psql]=$cpu
  restored=$(psql -qAtX -d "$ref" -c "SELECT (SELECT count(*) FROM \"User\") + (SELECT count(*) FROM \"AgentNodeExecutionInputOutput\")")
  seeded=$(psql -qAtX -d "$src" -c "SELECT (SELECT count(*) FROM \"User\") + (SELECT count(*) FROM \"AgentNodeExecutionInputOutput\")")
  [ "$restored" = "$seeded" ] || { echo "restore holds different rows ($restored vs $seeded)" >&2; exit 1; }

  printf '%-6s %-28s %12s %10.2f %12.0f %10s %9s\n' "$scale" "pg_restore --single-trans." "${rows[copy]}" \
    "$floor" "$(echo "${rows[copy]} / $floor" | bc -l)" "-" "1.00"
  printf '%-6s %-28s %12s %10.2f %12.0f %10s %9.2f\n' "$scale" "psql -f (data-only dump)" "${rows[copy]}" "$restore" \
    "$(echo "${rows[copy]} / $restore" | bc -l)" "-" "$(echo "$restore / $floor" | bc -l)"
  for writer in copy text jpa migrated; do
    label="seed --writer $writer"
    [ "$writer" = copy ] && label="seed --writer copy (binary)"
    [ "$writer" = text ] && label="seed --writer copy, text"
    [ "$writer" = migrated ] && label="seed into migrated (copy)"
    printf '%-6s %-28s %12s %10.2f %12.0f %9sM %9.2f\n' "$scale" "$label" "${rows[$writer]}" \
      "${secs[$writer]}" "$(echo "${rows[$writer]} / ${secs[$writer]}" | bc -l)" "${heap[$writer]:-?}" \
      "$(echo "${secs[$writer]} / $floor" | bc -l)"
  done
  # The same runs in CPU: a load on a machine of few cores is bounded by client + server core-seconds over cores.
  printf '%-6s %-28s %10s %11s %11s %11s\n' "$scale" "  cpu (core-seconds)" seconds client busy idle
  for run in pg_restore psql copy text jpa migrated; do
    seconds=${secs[$run]:-}
    [ "$run" = pg_restore ] && seconds=$floor
    [ "$run" = psql ] && seconds=$restore
    read -r client busy idle <<<"${cpus[$run]}"
    printf '%-6s %-28s %10.2f %11.2f %11.2f %11.2f\n' "$scale" "  $run" "$seconds" "$client" "$busy" "$idle"
  done
  splits+=("$scale")
  unset secs rows heap cpus
done
# Where the seeder's time went (-Dautogpt.seed.timings): seconds per phase, per run; the files hold it per table,
# index and key. The producer (generate, encode) runs beside the writer (wait, send, end): the load phase takes about
# the larger of the two sums.
for scale in "${splits[@]}"; do
  printf '\n%-6s %-16s %9s %9s %9s\n' "$scale" phase copy text jpa
  for phase in schema generate encode wait_for_rows send end_copy index_rebuild key_validation commit; do
    printf '%-6s %-16s' "$scale" "$phase"
    for writer in copy text jpa; do
      printf ' %9s' "$(awk -v p="$phase" '$1 == "phase" && $2 == p {print $3}' "$out/timings-$writer-$scale.txt" 2>/dev/null)"
    done
    printf '\n'
  done
done
echo "embeddings table (vector(1536)) loaded with: ${vector:-?}"
