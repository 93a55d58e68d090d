#!/usr/bin/env bash
# Runs a Kafka Java tool class from the local broker's jars, for example:
#   bash scripts/kafka-tool.sh org.apache.kafka.tools.ProducerPerformance --topic t --num-records 100000 \
#     --record-size 300 --throughput -1 --producer-props bootstrap.servers=127.0.0.1:9092 acks=1
#   bash scripts/kafka-tool.sh org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-common.sh"
(($# > 0)) || { echo "usage: scripts/kafka-tool.sh CLASS [ARGS...]" >&2; exit 2; }
kafka_ensure_jars
kafka_java_class "$@"
