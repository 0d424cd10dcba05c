#!/bin/sh
# Cadence's Kafka topics with Kafka's own kafka-topics.sh (mounted from the chart's ConfigMap, run in the Kafka image).
#   kafka-topics.sh create   the Job: waits for the broker, creates every missing topic, fails unless all exist after
#   kafka-topics.sh wait     the app's and workers' init container: returns once every topic exists
# Both give up with exit 1 and a message after WAIT_ATTEMPTS tries WAIT_INTERVAL_SECONDS apart.
# Environment: KAFKA_BOOTSTRAP_SERVERS; TOPICS (separated by spaces or newlines); TOPIC_PARTITIONS;
# TOPIC_REPLICATION_FACTOR (empty: the broker's default.replication.factor); WAIT_ATTEMPTS; WAIT_INTERVAL_SECONDS;
# KAFKA_BIN (default /opt/kafka/bin); KAFKA_SECURITY_PROTOCOL (PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL) with
# KAFKA_SASL_MECHANISM (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512), KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD for SASL;
# TOPICS_JOB (named in the wait mode's failure message).
set -euf  # -f: the unquoted $TOPICS below splits into words and must not glob

mode="${1:-}"
case "$mode" in create | wait) ;; *) echo "usage: kafka-topics.sh create|wait" >&2; exit 2 ;; esac
: "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is not set}"
: "${TOPICS:?TOPICS is not set}"
if [ "$mode" = create ]; then : "${TOPIC_PARTITIONS:?TOPIC_PARTITIONS is not set}"; fi
bin="${KAFKA_BIN:-/opt/kafka/bin}"
attempts="${WAIT_ATTEMPTS:-60}"
interval="${WAIT_INTERVAL_SECONDS:-5}"
protocol="${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}"

work="${TMPDIR:-/tmp}/cadence-kafka-topics"
mkdir -p "$work"
# kafka-run-class.sh creates its log folder under /opt/kafka unless told otherwise; the root filesystem is read-only.
export LOG_DIR="$work/logs"
log() { echo "kafka-topics ($mode): $*" >&2; }
# A list separated by spaces or newlines, on one line.
inline() { printf '%s' "$1" | tr '\n\t' '  ' | tr -s ' ' | sed 's/^ //; s/ $//'; }

# The admin client's settings. A broker that does not answer fails one call within seconds instead of after the
# client's default 60 s, so the attempts below measure time the way the values say.
config="$work/client.properties"
# A value inside sasl.jaas.config: escaped for JAAS (\ and "), then for the .properties file (every \ doubled).
escape() { printf '%s' "$1" | sed 's/[\\"]/\\&/g; s/\\/\\\\/g'; }
(
  umask 077
  {
    echo "security.protocol=$protocol"
    echo "request.timeout.ms=5000"
    echo "default.api.timeout.ms=10000"
    case "$protocol" in
      SASL_*)
        mechanism="${KAFKA_SASL_MECHANISM:-PLAIN}"
        case "$mechanism" in
          SCRAM-*) module=org.apache.kafka.common.security.scram.ScramLoginModule ;;
          *) module=org.apache.kafka.common.security.plain.PlainLoginModule ;;
        esac
        echo "sasl.mechanism=$mechanism"
        # printf, not echo: some shells' echo would undo the escaping of backslashes.
        printf '%s required username="%s" password="%s";\n' "sasl.jaas.config=$module" \
          "$(escape "${KAFKA_SASL_USERNAME:?KAFKA_SASL_USERNAME is not set}")" "$(escape "${KAFKA_SASL_PASSWORD:?KAFKA_SASL_PASSWORD is not set}")"
        ;;
    esac
  } >"$config"
)

kafka_topics() { "$bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$config" "$@"; }

# Prints the expected topics the broker does not have (nothing when all exist); fails when the broker does not answer.
missing_topics() {
  existing="$(kafka_topics --list 2>"$work/last-error")" || return 1
  for topic in $TOPICS; do
    printf '%s\n' "$existing" | grep -qxF "$topic" || echo "$topic"
  done
}

# Polls until the broker answers (create) or until every topic exists (wait); prints the missing topics.
poll() {
  attempt=1
  while :; do
    if missing="$(missing_topics)"; then
      if [ "$mode" = create ] || [ -z "$missing" ]; then
        printf '%s' "$missing"
        return 0
      fi
      reason="topics missing: $(inline "$missing")"
    else
      reason="the broker at $KAFKA_BOOTSTRAP_SERVERS does not answer: $(tail -n 3 "$work/last-error" | tr '\n' ' ')"
    fi
    if [ "$attempt" -ge "$attempts" ]; then
      log "gave up after $attempts attempts ${interval} s apart; $reason"
      return 1
    fi
    log "attempt $attempt/$attempts: $reason"
    attempt=$((attempt + 1))
    sleep "$interval"
  done
}

if ! missing="$(poll)"; then
  [ "$mode" = wait ] && log "the topics are created by the Job ${TOPICS_JOB:-kafka-topics}: kubectl logs job/${TOPICS_JOB:-<release>-kafka-topics-...}"
  exit 1
fi

if [ "$mode" = wait ]; then
  log "all topics exist: $(inline "$TOPICS")"
  exit 0
fi

for topic in $missing; do
  log "creating $topic ($TOPIC_PARTITIONS partitions, replication factor ${TOPIC_REPLICATION_FACTOR:-the broker default})"
  # --if-not-exists: another run (a retried Job, a concurrent upgrade) may have created it meanwhile.
  kafka_topics --create --if-not-exists --topic "$topic" --partitions "$TOPIC_PARTITIONS" \
    ${TOPIC_REPLICATION_FACTOR:+--replication-factor "$TOPIC_REPLICATION_FACTOR"}
done

if ! left="$(missing_topics)"; then
  log "the broker stopped answering after the topics were created: $(tail -n 3 "$work/last-error" | tr '\n' ' ')"
  exit 1
fi
if [ -n "$left" ]; then
  log "still missing after creation: $(inline "$left")"
  exit 1
fi
# The partitions, leaders and replicas of Cadence's topics, for the Job's log.
kafka_topics --describe --topic "^($(inline "$TOPICS" | sed 's/\./\\./g; s/ /|/g'))\$"
log "all topics exist: $(inline "$TOPICS")"
