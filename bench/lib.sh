# Shared by the seeding benchmarks: the server, the jar, scratch space, timing and fresh databases.
# Sourced, not run: `. bench/lib.sh` from the repository root.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
jar=cli-adapter/target/autogpt-seed.jar
out=bench-results
mkdir -p "$out"
[ -f "$jar" ] || mvn -q -B package -DskipTests
NOW=2025-06-01T00:00:00Z

now_s() { date +%s.%N; }
# What a timed load cost in CPU, besides seconds: the core-seconds its client used (this shell's children that ended
# meanwhile: the seeder's JVM, pg_restore, psql) and the machine's busy and idle core-seconds over the same span
# (Linux's /proc/stat; zeros elsewhere). The server's share is about busy minus client; idle is what the run left
# unused of the machine's cores. clock_start before the load, clock_stop after: it sets $took (seconds) and $cpu
# ("client busy idle").
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
export LC_NUMERIC=C   # times, printf and awk read and write a decimal point, whatever the user's locale
machine_cpu() {
  if [ -r /proc/stat ]; then
    awk -v hz="$hz" '/^cpu / {printf "%.2f %.2f", ($2 + $3 + $4 + $7 + $8) / hz, ($5 + $6) / hz}' /proc/stat
  else
    echo "0 0"
  fi
}
children_cpu() { # user + system seconds of this shell's ended children, into $client_cpu: the builtin times, run in
  # this shell (a subshell's are its own), prints them on its second line as "0m1.250s 0m0.310s"
  times > "$out/.times"
  client_cpu=$(awk 'NR == 2 {split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2]}' \
    "$out/.times")
}
clock_start() { read -r busy0 idle0 <<<"$(machine_cpu)"; children_cpu; client0=$client_cpu; t0=$(now_s); }
clock_stop() {
  local t1 busy1 idle1
  t1=$(now_s)
  read -r busy1 idle1 <<<"$(machine_cpu)"
  took=$(echo "$t1 - $t0" | bc -l)
  children_cpu
  cpu="$(echo "$client_cpu - $client0" | bc -l) $(echo "$busy1 - $busy0" | bc -l) $(echo "$idle1 - $idle0" | bc -l)"
}
# Before each timed load: the last one's dirty pages written and its WAL checkpointed, so a checkpoint it left due
# does not land in this one. After each: its tables vacuumed and analysed, so autovacuum does not wake up for them
# during the next. Every run, ours and the references, starts from the same quiet server.
# CHECKPOINT needs a superuser or pg_checkpoint: a role without either goes without it.
quiet() { psql -qX -d postgres -c CHECKPOINT >/dev/null 2>&1 || true; }
settle() { psql -qX -d "$1" -c 'VACUUM ANALYZE' >/dev/null; }
fresh_db() { psql -qX -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null; }
# pgvector for the embeddings table, in schema extensions (where Supabase keeps it, outside the dumps of public): the
# extension where the server has it, else the tests' stand-in (the platform's DDL and pgvector's text form, stored as
# text, no distances). Prints which. Also pg_trgm there, which today's platform's trigram indexes need: a dump of
# public names its operator class by schema, so a restore finds it where the seeder did.
with_vector() {
  psql -qX -d "$1" -c 'CREATE SCHEMA IF NOT EXISTS extensions' \
    -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions' >/dev/null
  if [ "$(psql -qAtX -d "$1" -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")" = 1 ]; then
    psql -qX -d "$1" -c 'CREATE EXTENSION IF NOT EXISTS vector SCHEMA extensions' >/dev/null
    echo pgvector
  else
    psql -qX -v ON_ERROR_STOP=1 -d "$1" -f it-tests/src/test/resources/io/autogpt/seed/it/pgvector-stand-in.sql \
      >/dev/null 2>&1
    echo "pgvector stand-in"
  fi
}
