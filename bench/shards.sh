#!/usr/bin/env bash
# Shard benchmark: one dataset seeded by 1, 2 and 4 processes at once (--shard I/N), each into the same database.
#
#   bench/shards.sh [SCALE] [N ...]        default: 20 1 2 4
#
# For each N: a fresh database, the schema created first (so every process times loading, not DDL), then N CLI
# processes started together, each with --shard I/N; the time is from the first start to the last exit. Then every
# table's rows are digested (md5 over the sorted rows, computed by the server) and compared with N=1's. Needs psql
# and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres). Scratch files in bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-20}
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 2 4)
. bench/lib.sh
db_url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1?schema=platform"; }
# One digest over every table's digest: equal exactly when every table holds the same rows.
digest() {
  psql -qAtX -d "$1" -c "SELECT md5(string_agg(d, ',' ORDER BY t)) FROM (SELECT c.relname AS t,
      (xpath('/row/m/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(x::text, E''\\n'' ORDER BY x::text), '''')) AS m FROM platform.%I x', c.relname), false, true, '')))[1]::text AS d
      FROM pg_class c WHERE c.relnamespace = 'platform'::regnamespace AND c.relkind = 'r') y"
}

printf '%-10s %10s %12s %10s %12s  %s\n' processes rows seconds rows/s "vs 1" digest
for n in "${counts[@]}"; do
  db="bench_shards_$n"
  fresh_db "$db"
  # Schema first, with an empty slice of another seed: processes then time loading only.
  bin/autogpt-seed seed --db "$(db_url "$db")" --create-schema --users 1 --seed 999999 --now "$NOW" >/dev/null
  psql -qX -d "$db" -c "SET client_min_messages = warning" -c "TRUNCATE platform.\"User\", platform.\"AgentBlock\" CASCADE; TRUNCATE autogpt_seed.runs" >/dev/null
  pids=()
  t0=$(now_s)
  for ((i = 0; i < n; i++)); do
    JAVA_OPTS=-Xmx256m bin/autogpt-seed seed --db "$(db_url "$db")" --scale "$scale" --seed 42 --now "$NOW" \
      --shard "$i/$n" > "$out/shard-$n-$i.txt" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || { echo "a shard failed:" >&2; cat "$out"/shard-"$n"-*.txt >&2; exit 1; }; done
  t1=$(now_s)
  secs=$(echo "$t1 - $t0" | bc -l)
  rows=$(psql -qAtX -d "$db" -c "SELECT sum(n) FROM (SELECT (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM platform.%I', relname), false, true, '')))[1]::text::bigint AS n FROM pg_class WHERE relnamespace = 'platform'::regnamespace AND relkind = 'r') x")
  d=$(digest "$db")
  [ "$n" != "${counts[0]}" ] || { base_secs=$secs; base_digest=$d; }
  same=$([ "$d" = "$base_digest" ] && echo "equal to ${counts[0]} process(es)" || echo "DIFFERS")
  printf '%-10s %10s %12.2f %10.0f %11.2fx  %s\n' "$n" "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)" \
    "$(echo "$base_secs / $secs" | bc -l)" "$same"
done
