#!/usr/bin/env bash
# Stops the broker started by kafka-up.sh (SIGTERM, then SIGKILL after a grace period) and removes
# its data (KAFKA_KEEP_DATA=1 keeps it for a restart). The log file stays for post-mortems until the next kafka-up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-common.sh"

KAFKA_STOP_GRACE_S="${KAFKA_STOP_GRACE_S:-30}"

if pid="$(kafka_running_pid)"; then
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + KAFKA_STOP_GRACE_S))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kafka_log "pid $pid still running after ${KAFKA_STOP_GRACE_S}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  kafka_log "stopped (pid $pid)"
else
  kafka_log "not running"
fi
if [[ "${KAFKA_KEEP_DATA:-0}" == 1 ]]; then
  # Kept for a restart on the same log: `KAFKA_KEEP_DATA=1 kafka-up.sh`.
  rm -f "$KAFKA_PID_FILE"
else
  rm -rf "$KAFKA_DATA_DIR" "$KAFKA_PID_FILE" "$KAFKA_CONFIG_FILE"
fi
