#!/usr/bin/env bash
# The app on real services: private PostgreSQL, Redis and Kafka under .services/full-* on their own
# ports (never the system's), stopped again when the app exits. Data is kept between runs.
# Ports: FULL_POSTGRES_PORT (55432), FULL_REDIS_PORT (56379), FULL_KAFKA_PORT (59092; its controller takes the next one).
set -euo pipefail
cd "$(dirname "$0")/.."
services=scripts/services
pg_dir=.services/full-postgres
redis_dir=.services/full-redis
kafka_dir=.services/full-kafka

stop_all() {
  echo "[full] stopping the services" >&2
  "$services/kafka.sh" stop "$kafka_dir" || true
  "$services/redis.sh" stop "$redis_dir" || true
  "$services/postgres.sh" stop "$pg_dir" || true
}
trap stop_all EXIT

echo "[full] starting PostgreSQL, Redis and Kafka" >&2
database_url=$("$services/postgres.sh" start "$pg_dir" "${FULL_POSTGRES_PORT:-55432}")
redis_url=$("$services/redis.sh" start "$redis_dir" "${FULL_REDIS_PORT:-56379}")
kafka_brokers=$("$services/kafka.sh" start "$kafka_dir" "${FULL_KAFKA_PORT:-59092}")
echo "[full] DATABASE_URL=$database_url REDIS_URL=$redis_url KAFKA_BROKERS=$kafka_brokers" >&2

npm run --silent build
# Not exec: the trap must run when the server exits.
DATABASE_URL="$database_url" REDIS_URL="$redis_url" KAFKA_BROKERS="$kafka_brokers" NODE_ENV=production \
  node_modules/.bin/tsx server/main.ts &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' INT TERM
wait "$server" || true
wait "$server" 2>/dev/null || true
