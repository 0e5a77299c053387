#!/usr/bin/env bash
# A private Apache Kafka (one KRaft node, broker and controller) for tests and the local full stack:
# its own folder and ports, never a system service. Usage: kafka.sh start DIR PORT | stop DIR
# On start prints the bootstrap broker list (127.0.0.1:PORT) on stdout, everything else on stderr.
# The controller listens on a second port (PORT+1, or the next free one). The broker's jars come
# from Maven Central once (scripts/services/kafka/pom.xml) into .services/kafka-lib/VERSION, a
# cache kept between runs. Starting a DIR whose broker already runs just prints its address;
# stop then start on the same DIR keeps the topics and their data.
set -euo pipefail
cmd=${1:?usage: kafka.sh start DIR PORT | stop DIR}
dir=$(mkdir -p "${2:?data folder}" && cd "$2" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pom="$root/scripts/services/kafka/pom.xml"
pidfile="$dir/kafka.pid"
log="$dir/server.log"

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "$1 is not installed: run 'sudo apt-get install -y $2'" >&2
    exit 1
  fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}

# The pid of this DIR's running broker, or nothing (a stale pidfile's pid may belong to another process).
running_pid() {
  local pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "kafka.Kafka $dir/server.properties"; then
    echo "$pid"
  fi
}

listening() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Whether a process lives (a zombie left unreaped counts as gone).
alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }

fail() {
  echo "kafka: $1" >&2
  # The errors and their causes first: a Java stack trace can push them out of the tail.
  echo "--- errors in $log:" >&2
  grep -E '^\[[^]]*\] (ERROR|FATAL)|^Caused by|Exception' "$log" 2>/dev/null | head -n 20 >&2 || true
  echo "--- last lines of $log:" >&2
  tail -n 40 "$log" >&2 2>/dev/null || true
  exit 1
}

# The broker's classpath folder, fetched with Maven once; the copy lands in a temporary folder that
# is renamed into place, so an interrupted fetch never leaves a half folder behind.
ensure_lib() {
  local version
  tmp=""
  version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")
  lib="$root/.services/kafka-lib/$version"
  [ -f "$lib/kafka_2.13-$version.jar" ] && return 0
  command -v mvn >/dev/null || apt_install Maven maven
  mkdir -p "$root/.services/kafka-lib"
  tmp=$(mktemp -d "$root/.services/kafka-lib/.fetch-$version.XXXXXX")
  chmod 755 "$tmp"
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM
  echo "kafka: fetching Apache Kafka $version from Maven Central into $lib" >&2
  if ! mvn -B -q -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DoutputDirectory="$tmp" >&2; then
    rm -rf "$tmp"
    echo "kafka: fetching the Kafka $version jars with Maven failed" >&2
    exit 1
  fi
  # Another start may have won the race: keep its folder.
  mv -T "$tmp" "$lib" 2>/dev/null || rm -rf "$tmp"
  trap - EXIT INT TERM
  [ -f "$lib/kafka_2.13-$version.jar" ] || { echo "kafka: $lib lacks kafka_2.13-$version.jar" >&2; exit 1; }
}

# Waits until the broker serves: it logged that it started (KRaft's broker start-up waits to be
# unfenced) and its port accepts connections.
wait_ready() {
  local pid=$1 port=$2 deadline=$((SECONDS + 90))
  while [ "$SECONDS" -lt "$deadline" ]; do
    alive "$pid" || fail "the broker exited during start-up"
    if grep -q "Kafka Server started" "$log" 2>/dev/null && listening "$port"; then return 0; fi
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  fail "the broker did not get ready on 127.0.0.1:$port within 90 s"
}

case "$cmd" in
  start)
    port=${3:?port}
    pid=$(running_pid)
    if [ -n "$pid" ]; then
      port=$(cat "$dir/port")
      wait_ready "$pid" "$port"
      echo "127.0.0.1:$port"
      exit 0
    fi
    rm -f "$pidfile"

    command -v java >/dev/null || apt_install Java openjdk-17-jre-headless
    ensure_lib

    # The controller's port: the one used before if still free, else PORT+1 or the next free one.
    cport=$(cat "$dir/controller-port" 2>/dev/null || echo $((port + 1)))
    while [ "$cport" = "$port" ] || listening "$cport"; do cport=$((cport + 1)); done
    echo "$port" >"$dir/port"
    echo "$cport" >"$dir/controller-port"

    cat >"$dir/server.properties" <<EOF
# Written by scripts/services/kafka.sh on each start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.segment.bytes=16777216
log.retention.hours=24
log.retention.check.interval.ms=60000
EOF

    cat >"$dir/log4j2.properties" <<'EOF'
# Written by scripts/services/kafka.sh: warnings, plus the broker's "Kafka Server started" line (start waits for it).
status = warn
shutdownHook = disable
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = STDOUT
logger.server.name = kafka.server.KafkaRaftServer
logger.server.level = INFO
EOF

    if [ -f "$log" ]; then mv -f "$log" "$log.prev"; fi
    : >"$log"
    common=(-Djava.awt.headless=true -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$lib/*")

    if [ ! -f "$dir/data/meta.properties" ]; then
      # A cluster id is 16 random bytes in URL-safe base64 without padding, not starting with '-'.
      cluster=-
      while [ "${cluster#-}" != "$cluster" ]; do
        cluster=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
      done
      # A short-lived JVM: C1 only and the serial collector start it faster.
      java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${common[@]}" \
        kafka.tools.StorageTool format -t "$cluster" -c "$dir/server.properties" >>"$log" 2>&1 </dev/null ||
        fail "formatting the storage failed"
    fi

    # A small heap: the machine runs the tests beside it.
    setsid nohup java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
      "${common[@]}" kafka.Kafka "$dir/server.properties" >>"$log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$pidfile"
    wait_ready "$pid" "$port"
    echo "127.0.0.1:$port"
    ;;
  stop)
    pid=$(running_pid)
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 150); do
        alive "$pid" || break
        sleep 0.2
      done
      if alive "$pid"; then
        echo "kafka: the broker did not stop within 30 s; killing it" >&2
        kill -9 "$pid" 2>/dev/null || true
        while alive "$pid"; do sleep 0.1; done
      fi
    fi
    rm -f "$pidfile"
    ;;
  *)
    echo "usage: kafka.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
