#!/usr/bin/env bash
# Starts a single-node Apache Kafka (KRaft, combined broker+controller) on 127.0.0.1:$KAFKA_PORT from
# Maven Central jars, and returns once it answers metadata requests. Idempotent: exits 0 if already up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-common.sh"

for tool in java mvn; do
  command -v "$tool" >/dev/null || { kafka_log "$tool is not installed; the local broker needs Java 17+ and Maven"; exit 1; }
done

if pid="$(kafka_running_pid)"; then
  kafka_log "already up (pid $pid) on $KAFKA_HOST:$KAFKA_PORT; log: $KAFKA_LOG_FILE"
  exit 0
fi
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if kafka_port_open "$port"; then
    kafka_log "port $KAFKA_HOST:$port is taken by another process; stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    exit 1
  fi
done

kafka_ensure_jars

# KAFKA_KEEP_DATA=1 restarts on the log a `KAFKA_KEEP_DATA=1 kafka-down` kept (restart tests); otherwise a
# stale pid file or data dir, left by a broker that died or was killed without kafka-down, is cleared.
keep_data=0
if [[ "${KAFKA_KEEP_DATA:-0}" == 1 && -f "$KAFKA_DATA_DIR/meta.properties" ]]; then
  keep_data=1
  rm -f "$KAFKA_PID_FILE"
else
  rm -rf "$KAFKA_DATA_DIR" "$KAFKA_PID_FILE"
fi
mkdir -p "$KAFKA_DATA_DIR"

cat > "$KAFKA_CONFIG_FILE" <<PROPS
# Written by scripts/kafka-up.sh; docker-compose.yml sets the same values.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA_DIR
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
auto.create.topics.enable=false
# Tests start consumer groups often; the default 3 s wait for more members only slows them.
group.initial.rebalance.delay.ms=0
PROPS

# A Kafka cluster id is 16 random bytes in unpadded base64url. One starting with "-" would be read as
# an option by StorageTool (Kafka's own Uuid.randomUuid avoids those too), so its first 6 bits change.
cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
[[ "$cluster_id" != -* ]] || cluster_id="A${cluster_id:1}"
if ((!keep_data)) && ! kafka_java_class kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG_FILE" >/dev/null; then
  kafka_log "formatting storage in $KAFKA_DATA_DIR failed (kafka.tools.StorageTool output above)"
  exit 1
fi

# setsid: the broker outlives this script and ignores the terminal's Ctrl-C; the inner shell writes
# its own pid before exec, so the pid file names the java process itself.
: > "$KAFKA_LOG_FILE"
setsid bash -c 'echo $$ > "$0"; exec "$@"' "$KAFKA_PID_FILE" \
  java -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$KAFKA_INFRA/log4j-broker.properties" \
  -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONFIG_FILE" \
  >>"$KAFKA_LOG_FILE" 2>&1 </dev/null &

fail() {
  kafka_log "$1"
  kafka_log "last lines of $KAFKA_LOG_FILE:"
  tail -n 20 "$KAFKA_LOG_FILE" >&2 || true
  "$(dirname "${BASH_SOURCE[0]}")/kafka-down.sh" >/dev/null 2>&1 || true
  exit 1
}

deadline=$((SECONDS + KAFKA_START_TIMEOUT_S))
until [[ -s "$KAFKA_PID_FILE" ]] && kafka_port_open "$KAFKA_PORT"; do
  if [[ -s "$KAFKA_PID_FILE" ]] && ! kafka_running_pid >/dev/null; then
    fail "broker exited during start-up"
  fi
  ((SECONDS < deadline)) || fail "broker did not open $KAFKA_HOST:$KAFKA_PORT within ${KAFKA_START_TIMEOUT_S}s"
  sleep 0.2
done
remaining_ms=$(((deadline - SECONDS) * 1000))
((remaining_ms > 5000)) || remaining_ms=5000
kafka_java_tool "$KAFKA_INFRA/ReadyCheck.java" "$KAFKA_HOST:$KAFKA_PORT" "$remaining_ms" >&2 \
  || fail "broker opened its port but did not answer metadata requests within ${KAFKA_START_TIMEOUT_S}s"
kafka_log "up (pid $(cat "$KAFKA_PID_FILE")) on $KAFKA_HOST:$KAFKA_PORT; log: $KAFKA_LOG_FILE; stop with: make kafka-down"
