#!/usr/bin/env bash
# Regenerates test/fixtures/murmur2-vectors.json from Kafka's Java client (needs Java and Maven).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-common.sh"
kafka_ensure_jars
kafka_java_tool "$KAFKA_INFRA/vectors/Murmur2Vectors.java" > "$REPO_ROOT/test/fixtures/murmur2-vectors.json"
echo "wrote test/fixtures/murmur2-vectors.json" >&2
