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

# One reactor build (never installed): each module writes its own classpath file, in which the sibling
# modules appear as their target/classes directories.
mvn -q -B ${MVN_FLAGS--o} -pl "$MODULE" -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

exec java -Xmx"$HEAP" -Xms"$HEAP" \
  -cp "$MODULE/target/test-classes:$MODULE/target/classes:integrations-core/target/classes:$(cat "$CP_FILE")" \
  dev.integrations.providers.google.bench.UploadHeapBenchmark "$SIZE_MIB" "$CHUNK_MIB"
