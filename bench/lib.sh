# Shared by the seeding benchmarks: the server, the jar, scratch space, timing and fresh databases.
# Sourced, not run: `. bench/lib.sh` from the repository root.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
jar=cli-adapter/target/autogpt-seed.jar
out=bench-results
mkdir -p "$out"
[ -f "$jar" ] || mvn -q -B package -DskipTests
NOW=2025-06-01T00:00:00Z

now_s() { date +%s.%N; }
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
