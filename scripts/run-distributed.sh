#!/usr/bin/env bash
# The distributed mode on one machine without containers: every host as its own process against
# the PostgreSQL and RabbitMQ that scripts/test-servers.sh starts.
#
#   scripts/test-servers.sh start /tmp/mp-servers     # PostgreSQL 55432, RabbitMQ 5673 (loopback)
#   scripts/run-distributed.sh start /tmp/mp-run      # migrate and start the six services and the gateway
#   scripts/run-distributed.sh stop  /tmp/mp-run      # stop the hosts this script started
#
# The gateway with the web UI: http://localhost:5100/ (administrator admin@example.hk / the
# password in MARKETPLACE_ADMIN_PASSWORD, default Admin2026local). Logs: <dir>/logs/<host>.log.
# Traces, metrics and logs go over OTLP to OTEL_EXPORTER_OTLP_ENDPOINT when it is set (for
# example an Aspire dashboard or an OpenTelemetry collector).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
PG_PORT=${MARKETPLACE_PG_PORT:-55432}
AMQP_PORT=${MARKETPLACE_RABBIT_PORT:-5673}
CONFIGURATION=${CONFIGURATION:-Debug}
# host, project folder, port
HOSTS=(
    "identity services/identity/Marketplace.Identity.Host 5103"
    "catalogue services/catalogue/Marketplace.Catalogue.Host 5101"
    "matching services/matching/Marketplace.Matching.Host 5102"
    "funding services/funding/Marketplace.Funding.Host 5104"
    "talent services/talent/Marketplace.Talent.Host 5105"
    "opendata services/opendata/Marketplace.OpenData.Host 5106"
    "gateway gateway/Marketplace.Gateway 5100"
)

log() { printf '[run-distributed] %s\n' "$*" >&2; }
die() { printf '[run-distributed] ERROR: %s\n' "$*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 start|stop <dir>"
DIR=$2
mkdir -p "$DIR/logs" "$DIR/pids"

dll() { echo "$ROOT/$1/bin/$CONFIGURATION/net10.0/$(basename "$1").dll"; }

# The database a host owns: its own name, or web for the gateway (the web UI's sessions and key ring).
database_of() { if [ "$1" = gateway ]; then echo web; else echo "$1"; fi; }

environment_of() {
    local host=$1 db
    db=$(database_of "$host")
    echo "ASPNETCORE_ENVIRONMENT=Development"
    echo "Database__Provider=Postgres"
    echo "ConnectionStrings__$db=Host=127.0.0.1;Port=$PG_PORT;Database=$db;Username=postgres;Password=postgres"
    echo "Messaging__Transport=RabbitMq"
    echo "Messaging__RabbitMqUri=amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
    echo "Logging__Console__FormatterName=simple"
    if [ "$host" = identity ]; then
        echo "Identity__BootstrapAdmin__Email=admin@example.hk"
        echo "Identity__BootstrapAdmin__Password=${MARKETPLACE_ADMIN_PASSWORD:-Admin2026local}"
    fi
    if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
        echo "Telemetry__OtlpEndpoint=$OTEL_EXPORTER_OTLP_ENDPOINT"
    fi
}

cmd_start() {
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "no PostgreSQL on 127.0.0.1:$PG_PORT: run scripts/test-servers.sh start <dir> first"
    log "building the hosts ($CONFIGURATION)"
    for entry in "${HOSTS[@]}"; do
        read -r _ project _ <<<"$entry"
        dotnet build "$ROOT/$project" -c "$CONFIGURATION" -v quiet -nologo >"$DIR/logs/build.log" 2>&1 || die "build of $project failed (see $DIR/logs/build.log)"
    done
    for entry in "${HOSTS[@]}"; do
        read -r host project port <<<"$entry"
        local env_args=()
        mapfile -t env_args < <(environment_of "$host")
        log "migrating $host"
        env "${env_args[@]}" dotnet "$(dll "$project")" --migrate >>"$DIR/logs/$host.log" 2>&1 || die "migrating $host failed (see $DIR/logs/$host.log)"
        log "starting $host on http://localhost:$port"
        (cd "$(dirname "$(dll "$project")")" && exec setsid env "${env_args[@]}" dotnet "$(dll "$project")" --urls "http://localhost:$port" \
            </dev/null >>"$DIR/logs/$host.log" 2>&1) &
        echo $! >"$DIR/pids/$host.pid"
        local i
        for ((i = 0; i < 120; i++)); do
            curl -fs -o /dev/null --max-time 2 "http://localhost:$port/health/live" && break
            kill -0 "$(cat "$DIR/pids/$host.pid")" 2>/dev/null || die "$host exited (see $DIR/logs/$host.log)"
            sleep 0.5
        done
    done
    log "all hosts up: http://localhost:5100/ ; stop with: $0 stop $DIR"
}

cmd_stop() {
    local file pid
    for file in "$DIR"/pids/*.pid; do
        [ -f "$file" ] || continue
        pid=$(tr -dc '0-9' <"$file")
        # Only a process that is still one of ours (a dotnet host of this repository).
        if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$ROOT/"; then
            log "stopping $(basename "$file" .pid) (pid $pid)"
            kill -TERM "$pid" 2>/dev/null || true
        fi
        rm -f "$file"
    done
}

case "$1" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    *) die "usage: $0 start|stop <dir>" ;;
esac
