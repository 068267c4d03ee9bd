#!/usr/bin/env bash
# Runs one of casework-api's Java benchmarks on its test class path (embedded PostgreSQL, in-process Kafka):
#   casework-api/bench/java-bench.sh WebhookThroughputBench [--messages 5000] [--batch 400] [--dispatchers 1]
#   casework-api/bench/java-bench.sh AlertLatencyBench [--flags 1000] [--rate 50]
#   casework-api/bench/java-bench.sh IngestBatchBench [--flags 2000] [--batch 500] [--index true] [--batchedFirst false]
# From the repository root, after `mvn -pl casework-api -am install -DskipTests` (or test-compile in a worktree).
# JVM flags: JAVA_OPTS (default -Xms512m -Xmx768m), printed first. Figures on stdout, warnings on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
MAIN=${1:?which benchmark? WebhookThroughputBench, AlertLatencyBench or IngestBatchBench}; shift
CP_FILE=target/bench-classpath.txt
[ -s "$CP_FILE" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
OPTS=${JAVA_OPTS:--Xms512m -Xmx768m}
echo "JVM: $OPTS"
# shellcheck disable=SC2086
exec java $OPTS -cp "$CP" -Dlog4j2.configurationFile=log4j2-bench.xml "ipwatch.casework.bench.$MAIN" "$@"
