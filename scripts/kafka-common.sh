# Shared settings and helpers for kafka-up.sh, kafka-down.sh and murmur2-vectors.sh (sourced, not run).
# Every setting can be overridden from the environment.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_INFRA="$REPO_ROOT/infra/kafka"
KAFKA_LIB="$KAFKA_INFRA/target/lib"
KAFKA_HOST="127.0.0.1"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_START_TIMEOUT_S="${KAFKA_START_TIMEOUT_S:-60}"
KAFKA_STATE_DIR="${KAFKA_STATE_DIR:-$REPO_ROOT/.kafka}"
KAFKA_DATA_DIR="$KAFKA_STATE_DIR/data"
KAFKA_PID_FILE="$KAFKA_STATE_DIR/kafka.pid"
KAFKA_LOG_FILE="$KAFKA_STATE_DIR/kafka.log"
KAFKA_CONFIG_FILE="$KAFKA_STATE_DIR/server.properties"

kafka_log() { echo "kafka: $*" >&2; }

# Gathers the broker jars from Maven Central into infra/kafka/target/lib once; a stamp holding the
# pom's checksum makes later starts reuse them and a pom change (new version) fetch them again.
kafka_ensure_jars() {
  local stamp="$KAFKA_LIB/.pom.sha256" want
  want="$(sha256sum "$KAFKA_INFRA/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  kafka_log "fetching broker jars with Maven (first start only) into $KAFKA_LIB"
  rm -rf "$KAFKA_LIB" "$KAFKA_INFRA/target/classes"
  mkdir -p "$KAFKA_INFRA/target"
  local mvn_log="$KAFKA_INFRA/target/maven.log"
  if ! (cd "$KAFKA_INFRA" && mvn -B -Dstyle.color=never dependency:copy-dependencies) >"$mvn_log" 2>&1; then
    tail -n 30 "$mvn_log" >&2
    kafka_log "Maven could not fetch the broker jars (above; full output in $mvn_log)"
    return 1
  fi
  echo "$want" > "$stamp"
}

# Runs a Java class from the broker jars (a tool such as org.apache.kafka.tools.ProducerPerformance).
kafka_java_class() {
  java -Xmx256m -Dlog4j.configuration="file:$KAFKA_INFRA/log4j-tools.properties" \
    -cp "$KAFKA_INFRA/target/classes:$KAFKA_LIB/*" "$@"
}

# Runs one of our helpers (infra/kafka/**/*.java) against the broker jars. It is compiled into
# target/classes once: compiling it on every start (java File.java) added about 2 s to each kafka-up.
kafka_java_tool() {
  local source="$1" name classes="$KAFKA_INFRA/target/classes"
  shift
  name="$(basename "$source" .java)"
  if [[ ! -f "$classes/$name.class" || "$source" -nt "$classes/$name.class" ]]; then
    mkdir -p "$classes"
    javac -d "$classes" -cp "$KAFKA_LIB/*" "$source"
  fi
  kafka_java_class "$name" "$@"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
kafka_port_open() {
  (exec 3<>"/dev/tcp/$KAFKA_HOST/$1") 2>/dev/null
}

# Prints the pid from the pid file when that process is still alive.
kafka_running_pid() {
  local pid
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  pid="$(cat "$KAFKA_PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
