#!/usr/bin/env bash
# casework-api load benchmark: the service (BenchServer: embedded PostgreSQL + casework-api, CASES DETECTED cases) in
# one process, wrk in another, both on loopback. Prints wrk's reports for authorised case reads and for transitions.
# Usage: casework-api/bench/run.sh [read-seconds] [transition-seconds] [connections]   (from the repository root,
# after `mvn -pl casework-api install`; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
READ_S=${1:-15}; TRANS_S=${2:-20}; CONN=${3:-16}; CASES=${CASES:-6000}; PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
CP_FILE=target/bench-classpath.txt
[ -s "$CP_FILE" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
LOG=target/bench-server.log
java -Xmx512m -cp "$CP" -Dlog4j2.configurationFile=log4j2-test.xml ipwatch.casework.bench.BenchServer "$PORT" "$CASES" \
  > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q "bench server ready" "$LOG" && break; sleep 1; done
grep -q "bench server ready" "$LOG" || { echo "bench server did not start, see $LOG"; exit 1; }
URL="http://127.0.0.1:$PORT"
TOKENS=$(curl -sf "$URL/api/demo/tokens")
tok() { python3 -c "import json,sys; print([t['token'] for t in json.load(sys.stdin)['tokens'] if t['key']=='$1'][0])" <<<"$TOKENS"; }
export RH_TOKEN=$(tok rights-holder) PL_TOKEN=$(tok platform) TOKEN=$(tok rights-holder)
export IDS=target/bench-ids.txt
: > "$IDS"
for page in $(seq 1 100); do
  n=$(curl -sf -H "Authorization: Bearer $RH_TOKEN" "$URL/api/cases?size=100&page=$page" \
    | python3 -c "import json,sys; items=json.load(sys.stdin)['items']; [print(i['id']) for i in items]; print(len(items), file=sys.stderr)" \
    2>&1 >>"$IDS" | tail -1)
  [ "$n" -lt 100 ] && break
done
echo "== $(wc -l <"$IDS") cases; authorised case reads, $READ_S s, $CONN connections"
wrk -t2 -c"$CONN" -d"${READ_S}s" --latency -s bench/reads.lua "$URL"
echo "== workflow transitions, $TRANS_S s, $CONN connections"
wrk -t1 -c"$CONN" -d"${TRANS_S}s" --latency -s bench/transitions.lua "$URL"
