#!/usr/bin/env bash
# The load tester's path, timed end to end: seed a Supabase-shaped database with login users, then make tokens for
# them by password login (the stand-in GoTrue checks the database's auth.users as GoTrue does, bcrypt included).
#
# Usage: bench/load-test-path.sh [SCALE] [TOKENS]      (defaults 1 and 150)
# Needs: a built tree (mvn -B package -DskipTests), PostgreSQL at 127.0.0.1:5432 as postgres, pgcrypto.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"
count="${2:-150}"
db=bench_load_path
out=target/load-test-path
mkdir -p "$out"
export LOADTEST_PASSWORD="load-test-path-pw"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -h 127.0.0.1 -U postgres -d "$db" -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION pgcrypto' \
  -f it-tests/src/test/resources/io/autogpt/seed/it/supabase-auth.sql -c 'CREATE SCHEMA platform'
# The platform's trigger on auth.users (tools/generate_auth_ddl.py writes it from the 2026-01 reference).
psql -h 127.0.0.1 -U postgres -d "$db" -q -v ON_ERROR_STOP=1 -f it-tests/src/test/resources/io/autogpt/seed/it/platform-auth-trigger.sql
url="postgresql://postgres@127.0.0.1:5432/$db?schema=platform"

start=$(date +%s.%N)
bin/autogpt-seed seed --db "$url" --create-schema --auth-users --scale "$scale" --now 2025-06-01T00:00:00Z > "$out/seed.txt"
seeded=$(date +%s.%N)

mvn -q -B dependency:build-classpath -pl it-tests -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
cp="$(cat "$out/classpath.txt"):it-tests/target/test-classes"
java -cp "$cp" io.autogpt.seed.it.support.StandInGoTrue 0 0 0 - \
  "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres&currentSchema=platform" > "$out/gotrue.txt" 2>&1 &
gotrue=$!
trap 'kill $gotrue 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q http "$out/gotrue.txt" && break; sleep 0.2; done
tokens_start=$(date +%s.%N)
SUPABASE_URL="$(head -1 "$out/gotrue.txt")" SUPABASE_SERVICE_KEY=stand-in-anon-key \
  bin/autogpt-seed tokens --users-from-db "$url" --count "$count" --out "$out/configs/pre-authenticated-tokens.js" \
  > "$out/tokens.txt"
done_at=$(date +%s.%N)
tail -1 "$out/seed.txt"
sed -n 1,6p "$out/tokens.txt"
printf 'seed (scale %s, with logins): %.2f s; tokens (%s password logins): %.2f s; whole path %.2f s\n' "$scale" \
  "$(echo "$seeded - $start" | bc)" "$count" "$(echo "$done_at - $tokens_start" | bc)" "$(echo "$done_at - $start" | bc)"
