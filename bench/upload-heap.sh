#!/usr/bin/env bash
# Uploads a generated file (default 1 GiB) through the Drive adapter to a local resumable-upload server
# that discards the bytes, under a small heap, and prints the peak heap used.
# Usage: bench/upload-heap.sh [sizeMiB=1024] [chunkMiB=8] [heap=64m]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB="${1:-1024}"
CHUNK_MIB="${2:-8}"
HEAP="${3:-64m}"
MODULE=integrations-providers
CP_FILE="$MODULE/target/bench.classpath"

mvn -q -pl "$MODULE" -am test-compile -DskipTests
mvn -q -pl "$MODULE" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$(pwd)/$CP_FILE"

exec java -Xmx"$HEAP" -Xms"$HEAP" \
  -cp "$MODULE/target/test-classes:$MODULE/target/classes:integrations-core/target/classes:$(cat "$CP_FILE")" \
  dev.integrations.providers.google.bench.UploadHeapBenchmark "$SIZE_MIB" "$CHUNK_MIB"
