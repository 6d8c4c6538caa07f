# Shared by the seeding benchmarks: the server, the jar, scratch space, timing and fresh databases.
# Sourced, not run: `. bench/lib.sh` from the repository root.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
jar=cli-adapter/target/autogpt-seed.jar
out=bench-results
mkdir -p "$out"
[ -f "$jar" ] || mvn -q -B package -DskipTests
NOW=2025-06-01T00:00:00Z

now_s() { date +%s.%N; }
fresh_db() { psql -qX -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null; }
