#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + RabbitMQ 3.10 for the matching benchmark, on loopback and on ports of
# their own, so that they run beside scripts/test-servers.sh (55432/5673/15673/25673/4370).
#
#   bench/Marketplace.Bench.Matching/bench-servers.sh start [dir]   (default /tmp/benchmatch)
#   bench/Marketplace.Bench.Matching/bench-servers.sh stop  [dir]
#
# PostgreSQL 127.0.0.1:55442 (trust, user postgres), data <dir>-pg
# RabbitMQ   127.0.0.1:5683 AMQP (guest/guest), node benchmatch@localhost, dist 25683, epmd 4380, data <dir>-rmq
set -euo pipefail

PG_PORT=${BENCH_PG_PORT:-55442}
AMQP_PORT=${BENCH_AMQP_PORT:-5683}
DIST_PORT=${BENCH_DIST_PORT:-25683}
EPMD_PORT=${BENCH_EPMD_PORT:-4380}
NODE=benchmatch@localhost
CMD=${1:-}
BASE=${2:-/tmp/benchmatch}
PG=$BASE-pg
RMQ=$BASE-rmq
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RMQ_BIN=/usr/lib/rabbitmq/bin

log() { printf '[bench-servers] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

rmq_env=(
  "HOME=$RMQ/home"
  "RABBITMQ_CONF_ENV_FILE=$RMQ/rabbitmq-env.conf"
  "RABBITMQ_NODENAME=$NODE"
  "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
  "RABBITMQ_NODE_PORT=$AMQP_PORT"
  "RABBITMQ_DIST_PORT=$DIST_PORT"
  "RABBITMQ_CONFIG_FILE=$RMQ/rabbitmq.conf"
  "RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ/enabled_plugins"
  "RABBITMQ_MNESIA_BASE=$RMQ/mnesia"
  "RABBITMQ_LOG_BASE=$RMQ/log"
  "RABBITMQ_PID_FILE=$RMQ/rabbitmq.pid"
  "ERL_EPMD_ADDRESS=127.0.0.1"
  "ERL_EPMD_PORT=$EPMD_PORT"
  "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
)

port_in_use() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

start() {
  for p in $PG_PORT $AMQP_PORT $DIST_PORT $EPMD_PORT; do
    port_in_use "$p" && die "port $p is already in use"
  done
  [ -e "$PG" ] && die "$PG exists: stop and remove it first"
  mkdir -p "$PG/sock" "$RMQ/home" "$RMQ/mnesia" "$RMQ/log"
  chown -R postgres:postgres "$PG"
  chmod 0700 "$PG"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG/initdb.log" 2>&1 \
    || { tail -n 20 "$PG/initdb.log" >&2; die "initdb failed"; }
  # 55442 lies in Linux's ephemeral range: while another test run talks to 55432, a client socket
  # (even one in TIME-WAIT) may hold it for a while, so retry the bind for up to two minutes.
  local attempt
  for attempt in $(seq 1 24); do
    if (cd "$PG" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG/data" -l "$PG/server.log" -w -t 60 start \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG/sock" >"$PG/pg_ctl.log" 2>&1); then
      break
    fi
    grep -q "Address already in use" "$PG/server.log" || { tail -n 20 "$PG/server.log" >&2; die "PostgreSQL did not start"; }
    [ "$attempt" -lt 24 ] || die "port $PG_PORT stayed busy"
    log "port $PG_PORT busy (client socket of another program), retrying in 5 s"
    sleep 5
  done
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT"

  cat >"$RMQ/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
loopback_users.guest = true
log.console = false
log.file.level = warning
CONF
  echo '[].' >"$RMQ/enabled_plugins"
  : >"$RMQ/rabbitmq-env.conf"
  local epmd
  epmd=$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd | head -n 1)
  (cd "$RMQ" && exec setsid "$epmd" -address 127.0.0.1 -port "$EPMD_PORT" </dev/null >>"$RMQ/epmd.log" 2>&1) &
  echo $! >"$RMQ/epmd.pid"
  (cd "$RMQ" && exec setsid env "${rmq_env[@]}" "$RMQ_BIN/rabbitmq-server" </dev/null >>"$RMQ/server.out" 2>&1) &
  echo $! >"$RMQ/server.pid"
  env "${rmq_env[@]}" "$RMQ_BIN/rabbitmqctl" wait --timeout 120 "$RMQ/rabbitmq.pid" >"$RMQ/wait.log" 2>&1 \
    || { tail -n 30 "$RMQ/server.out" >&2; die "RabbitMQ did not start"; }
  log "RabbitMQ ready on 127.0.0.1:$AMQP_PORT"
  for p in $PG_PORT $AMQP_PORT $DIST_PORT $EPMD_PORT; do
    if ss -ltnH "sport = :$p" | awk '{print $4}' | grep -vqE '^(127\.[0-9.]+|\[::1\]|::1):'; then
      die "port $p is bound to a non-loopback address"
    fi
  done
}

stop() {
  if [ -f "$RMQ/rabbitmq.pid" ]; then
    timeout 90 env "${rmq_env[@]}" "$RMQ_BIN/rabbitmqctl" stop "$RMQ/rabbitmq.pid" >"$RMQ/stop.log" 2>&1 || log "rabbitmqctl stop failed"
  fi
  for f in server.pid epmd.pid; do
    if [ -f "$RMQ/$f" ]; then
      pid=$(tr -dc '0-9' <"$RMQ/$f")
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
      rm -f "$RMQ/$f"
    fi
  done
  if [ -f "$PG/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG/data" -m fast -w stop >>"$PG/pg_ctl.log" 2>&1 || log "pg_ctl stop failed"
  fi
  log "stopped (data left in $PG and $RMQ; remove them with rm -rf)"
}

case "$CMD" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
