#!/usr/bin/env bash
# Token benchmark: tokens/s against a stand-in Supabase Auth on loopback, unlimited and rate limited, and local
# minting; each against a reference measured in the same run.
#
#   bench/tokens.sh [RATE] [BURST]          default: 10 10 (requests/s and bucket size of the limited server)
#
# Runs the shaded CLI (JVM start to exit) against it-tests' StandInGoTrue (real HS256 JWTs, token bucket on
# /token answering 429 without Retry-After). "seconds" is the CLI's own harvest time (after the pre-flight);
# "wall" includes JVM start. Then three stalling servers (logins held 30 s, then dropped), default options, with the
# login requests and hedges sent: each run ends in a fraction of one stall. Last, how fast a run that cannot start
# fails (a refused key, a closed port), against JVM start to exit (--version) as the reference.
# (These are the claims it-tests make by counting: that no stall is waited out and nothing refused is asked again.)
# Needs a built tree: mvn -q -B install -DskipTests.
set -euo pipefail
cd "$(dirname "$0")/.."

rate=${1:-10}
burst=${2:-10}
jar=cli-adapter/target/autogpt-seed.jar
out=bench-results/tokens
mkdir -p "$out"
[ -f "$jar" ] || mvn -q -B install -DskipTests
mvn -q -B test-compile -pl it-tests
mvn -q -B dependency:build-classpath -pl it-tests -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
cp="$(cat "$out/classpath.txt"):it-tests/target/test-classes"

servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true' EXIT
start_server() { # RATE BURST [FAULTS [NAME]]: starts a server in this shell (so the trap can stop it); URL to a file
  local file="$out/server-${4:-$1-$2}.txt"
  java -cp "$cp" io.autogpt.seed.it.support.StandInGoTrue "$1" "$2" 50 ${3:+"$3"} > "$file" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 100); do [ -s "$file" ] && break; sleep 0.1; done
}
now_s() { date +%s.%N; }
field() { grep "^$1 " "$2" | sed -E "s#^$1 +##; s# .*##; s#,##g"; }

export SUPABASE_SERVICE_KEY=stand-in-anon-key LOADTEST_PASSWORD=stand-in-password-1
export SUPABASE_JWT_SECRET=bench-jwt-secret-of-at-least-thirty-two-bytes
start_server 0 0
start_server "$rate" "$burst"
unlimited=$(head -n 1 "$out/server-0-0.txt")
limited=$(head -n 1 "$out/server-$rate-$burst.txt")

run() { # NAME ARGS... -> one table row
  local name=$1; shift
  rm -rf "$out/$name"
  local t0 t1
  t0=$(now_s)
  java -jar "$jar" tokens --range 1..50 --out "$out/$name/t.js" "$@" > "$out/$name.txt"
  t1=$(now_s)
  local tokens secs
  tokens=$(field tokens "$out/$name.txt"); secs=$(field seconds "$out/$name.txt")
  printf '| %-28s | %6s | %7s | %6.2f | %9.1f | %5s | %s |\n' "$name" "$tokens" "$secs" "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$tokens / $secs" | bc -l)" "$(field '429s seen' "$out/$name.txt")" "${ratio:-}"
}

echo "| run | tokens | seconds | wall s | tokens/s | 429s | vs reference |"
echo "|---|---|---|---|---|---|---|"
# Reference: one login at a time, as the old script did (without its fixed sleeps, which alone cost 84 s for 150).
ratio="reference" run serial-logins-unlimited --supabase-url "$unlimited" --concurrency 1
serial=$(field tokens/s "$out/serial-logins-unlimited.txt")
run logins-unlimited --supabase-url "$unlimited" > "$out/row.txt"
login=$(field tokens/s "$out/logins-unlimited.txt")
sed -E "s/\| *\|$/| $(printf '%.1fx the serial rate' "$(echo "$login / $serial" | bc -l)") |/" "$out/row.txt"
for count in 150 300; do
  sleep "$(echo "$burst / $rate + 1" | bc -l)" # a full bucket to start from
  run "logins-limited-$count" --supabase-url "$limited" --count "$count" > "$out/row.txt"
  secs=$(field seconds "$out/logins-limited-$count.txt")
  # The bucket starts full: the first BURST tokens are free, the rest come at RATE/s at best.
  ideal=$(echo "($count - $burst) / $rate" | bc -l)
  sed -E "s/\| *\|$/| $(printf '%.1f%% of the %s req\/s limit (ideal %.1f s)' "$(echo "100 * $ideal / $secs" | bc -l)" "$rate" "$ideal") |/" "$out/row.txt"
done
for key in hs256 es256; do
  args=(--mint --count 10000 --expires-in 8h)
  if [ "$key" = es256 ]; then
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/es256.pem" 2>/dev/null
    args+=(--jwt-key-file "$out/es256.pem")
  fi
  run "mint-$key-10000" "${args[@]}" > "$out/row.txt"
  sed -E "s/\| *\|$/| $(printf '%.0fx the login rate' "$(echo "$(field tokens/s "$out/mint-$key-10000.txt") / $login" | bc -l)") |/" "$out/row.txt"
done
# Stalling servers (faults: 500s, slow, slow ms, drops, stalls, stall ms, ms per answer), default options: a stalled
# login is held 30 s and then dropped. The old client waited each stall out: 61 s for 2 % stalls, 92 s for 10 %.
for spec in "stalls-2pct-500s-5pct-drops-2pct 0.05,0,0,0.02,0.02,30000,0" "stalls-5pct 0,0,0,0,0.05,30000,0" \
            "stalls-10pct-40ms-answers 0,0,0,0,0.10,30000,40"; do
  name=${spec%% *}
  start_server 0 0 "${spec#* }" "$name"
  run "$name" --supabase-url "$(head -n 1 "$out/server-$name.txt")" > "$out/row.txt"
  sed -E "s/\| *\|$/| $(grep '^requests ' "$out/$name.txt" | sed -E 's/^requests +//; s/: copies of logins that were late//') |/" "$out/row.txt"
done
# Failing at once: wall time of runs that cannot start, against the JVM's own start to exit in the same run.
echo
echo "| failing run | exit | wall s | vs reference |"
echo "|---|---|---|---|"
wall() { # NAME ARGS... -> one table row; ENV_KEY overrides the key
  local name=$1; shift
  local t0 t1 code=0
  t0=$(now_s)
  SUPABASE_SERVICE_KEY=${ENV_KEY:-$SUPABASE_SERVICE_KEY} java -jar "$jar" "$@" > "$out/$name.txt" 2>&1 || code=$?
  t1=$(now_s)
  local secs
  secs=$(echo "$t1 - $t0" | bc)
  if [ "$name" = jvm-start-to-exit ]; then
    reference=$secs
    printf '| %-28s | %4s | %6.2f | reference |\n' "$name" "$code" "$secs"
  else
    printf '| %-28s | %4s | %6.2f | %.1fx the reference |\n' "$name" "$code" "$secs" "$(echo "$secs / $reference" | bc -l)"
  fi
}
wall jvm-start-to-exit --version
ENV_KEY=not-the-key wall refused-key tokens --supabase-url "$unlimited" --out "$out/refused/t.js"
wall closed-port tokens --supabase-url http://127.0.0.1:1 --out "$out/closed/t.js"
