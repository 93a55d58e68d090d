#!/usr/bin/env bash
# THE test command (`npm test`, `make test`, CI): builds, runs the unit tests, then starts a local Kafka
# broker and runs the integration tests against it. Needs Node 20; the integration part needs Java 17+
# and Maven, and is skipped (with a message) without them, except under CI=true, where that is a failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TEST_TIMEOUT_MS="${STREAMGEN_TEST_TIMEOUT_MS:-600000}"
status=0
passed=0
failed=0
skipped=0
summary_file="$(mktemp)"
broker_started=0

cleanup() {
  if ((broker_started)); then
    bash scripts/kafka-down.sh || true
  fi
  rm -f "$summary_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs node's test runner on the given files with the TAP reporter (whose closing lines read
# "# pass N" / "# fail N") and adds its counts to the totals.
run_tests() {
  local label="$1"
  shift
  node --test --test-reporter=tap --test-timeout="$TEST_TIMEOUT_MS" "$@" | tee "$summary_file"
  local rc=${PIPESTATUS[0]}
  local p f s
  p="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$summary_file" | tail -n 1)"
  f="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$summary_file" | tail -n 1)"
  s="$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$summary_file" | tail -n 1)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${s:-0}))
  if ((rc != 0)); then
    echo "test: $label tests exited with status $rc" >&2
    status=1
  fi
}

if ! bash scripts/build.sh; then
  echo "test: the TypeScript build reported errors (above); running the tests that compiled anyway" >&2
  status=1
fi

mapfile -t unit_files < <(find dist/test -name '*.test.js' -not -path 'dist/test/integration/*' | sort)
mapfile -t integration_files < <(find dist/test/integration -name '*.test.js' 2>/dev/null | sort)

if ((${#unit_files[@]} == 0)); then
  echo "test: no unit tests found under dist/test" >&2
  status=1
else
  echo "test: unit tests (${#unit_files[@]} files)" >&2
  run_tests unit "${unit_files[@]}"
fi

if ((${#integration_files[@]} == 0)); then
  echo "test: no integration tests under test/integration yet" >&2
elif ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "test: FAILED: CI must run the integration tests, but java and/or mvn are not installed" >&2
    status=1
  else
    echo "test: integration tests SKIPPED (${#integration_files[@]} files): java and/or mvn not found;" \
      "install Java 17+ and Maven to run them against a local Kafka broker" >&2
  fi
else
  source scripts/kafka-common.sh
  # A broker the developer started with `make kafka-up` is used and left running.
  if ! kafka_running_pid >/dev/null; then
    broker_started=1
  fi
  if bash scripts/kafka-up.sh; then
    echo "test: integration tests (${#integration_files[@]} files) against $KAFKA_HOST:$KAFKA_PORT" >&2
    # --test-force-exit: a client a failing test left connected must not hold the run open.
    STREAMGEN_TEST_BROKER="$KAFKA_HOST:$KAFKA_PORT" run_tests integration \
      --test-concurrency=1 --test-force-exit "${integration_files[@]}"
  else
    echo "test: FAILED: the local Kafka broker did not start (see above)" >&2
    status=1
  fi
fi

# Stopped here rather than only in the trap, so that the totals are the run's closing line.
if ((broker_started)); then
  bash scripts/kafka-down.sh || status=1
  broker_started=0
fi
echo "test: $passed passed, $failed failed, $skipped skipped"
exit "$status"
