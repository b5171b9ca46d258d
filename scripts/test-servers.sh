#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + RabbitMQ 3.10 servers for the test suite, bound to loopback only.
#
#   scripts/test-servers.sh start <dir>   install missing Debian packages, start both servers, wait until ready
#   scripts/test-servers.sh stop  <dir>   stop whatever "start <dir>" started (safe to repeat, safe after a failed start)
#   scripts/test-servers.sh postgres-stop|postgres-start <dir>   stop / start again only that PostgreSQL (fault tests)
#   scripts/test-servers.sh rabbitmq-restart <dir>              restart only that RabbitMQ node (fault tests)
#
# Endpoints (all 127.0.0.1; other ports through MARKETPLACE_PG_PORT, MARKETPLACE_RABBIT_PORT,
# MARKETPLACE_RABBIT_MGMT_PORT, MARKETPLACE_RABBIT_DIST_PORT, MARKETPLACE_EPMD_PORT and the node name
# MARKETPLACE_RABBIT_NODE, so a second private pair can run beside the shared one; "start" records
# them in <dir>/ports.env and the other commands read them back from there):
#   PostgreSQL   55432  (trust auth, user postgres)         socket dir <dir>/pg/sock
#   RabbitMQ     5673   AMQP (guest/guest)                  node mp@localhost, dist port 25673
#   RabbitMQ     15673  management HTTP API (guest/guest)
#   epmd         4370   (private epmd, not the system one on 4369)
#
# Layout under <dir>: pg/{data,sock,server.log}, rabbitmq/{home,mnesia,log,...}, pids/*.pid
set -euo pipefail

set_ports() {
    PG_PORT=${MARKETPLACE_PG_PORT:-55432}
    AMQP_PORT=${MARKETPLACE_RABBIT_PORT:-5673}
    MGMT_PORT=${MARKETPLACE_RABBIT_MGMT_PORT:-15673}
    DIST_PORT=${MARKETPLACE_RABBIT_DIST_PORT:-25673}
    EPMD_PORT=${MARKETPLACE_EPMD_PORT:-4370}
    RMQ_NODE=${MARKETPLACE_RABBIT_NODE:-mp@localhost}
    ALL_PORTS=("$PG_PORT" "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT" "$EPMD_PORT")
}
# fonts-noto-cjk: the browser tests' screenshots show the Chinese pages in Chinese glyphs.
# docker-compose: the deployment tests run `docker-compose config` (no engine needed).
PACKAGES=(postgresql rabbitmq-server chromium fonts-noto-cjk docker-compose)
RMQ_BIN=/usr/lib/rabbitmq/bin

log() { printf '[test-servers] %s\n' "$*" >&2; }
die() { printf '[test-servers] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    echo "usage: $0 start|stop|postgres-stop|postgres-start|rabbitmq-restart <dir>" >&2
    exit 2
}

now_ms() { date +%s%3N; }
elapsed() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01d s' $((ms / 1000)) $(((ms % 1000) / 100)); }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------------------------
# helpers about processes and ports
# ---------------------------------------------------------------------------------------------

# PIDs of processes listening on TCP port $1 (any address).
listen_pids() {
    ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true
}

port_in_use() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

proc_cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }
proc_cwd() { readlink "/proc/$1/cwd" 2>/dev/null || true; }
cmdline_has() { [[ "$(proc_cmdline "$1")" == *"$2"* ]]; } # pid, fixed substring
# Running (a zombie waiting to be reaped counts as gone).
alive() {
    [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# The pid in file $1 if that process is alive and its command line contains $2.
# Guards against killing an unrelated process that reused a recorded PID.
recorded_pid() {
    local file=$1 expect=$2 pid
    [ -f "$file" ] || return 1
    pid=$(tr -dc '0-9' <"$file")
    alive "$pid" || return 1
    cmdline_has "$pid" "$expect" || return 1
    echo "$pid"
}

# TERM, wait up to $2 seconds (default 15), then KILL.
terminate() {
    local pid=$1 wait_s=${2:-15} i
    alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait_s * 10; i++)); do
        alive "$pid" || return 0
        sleep 0.1
    done
    log "pid $pid did not exit after SIGTERM, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        alive "$pid" || return 0
        sleep 0.1
    done
    log "WARNING: pid $pid is still alive"
}

# ---------------------------------------------------------------------------------------------
# paths and environment
# ---------------------------------------------------------------------------------------------

set_paths() {
    DIR=$1
    PG=$DIR/pg
    PGDATA_DIR=$PG/data
    PG_SOCK=$PG/sock
    PG_LOG=$PG/server.log
    RMQ=$DIR/rabbitmq
    RMQ_HOME=$RMQ/home
    RMQ_MNESIA=$RMQ/mnesia
    RMQ_LOGDIR=$RMQ/log
    RMQ_CONF=$RMQ/rabbitmq.conf
    RMQ_PLUGINS=$RMQ/enabled_plugins
    RMQ_ENVCONF=$RMQ/rabbitmq-env.conf
    RMQ_PIDFILE=$RMQ/rabbitmq.pid
    RMQ_OUT=$RMQ/server.out
    EPMD_LOG=$RMQ/epmd.log
    PIDS=$DIR/pids
    PG_BIN=/usr/lib/postgresql/15/bin
    if [ ! -x "$PG_BIN/pg_ctl" ]; then
        local found
        found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
        [ -n "$found" ] && PG_BIN=$found
    fi
    # Everything RabbitMQ (server and CLI) needs to find this node and only this node.
    RMQ_ENV=(
        "HOME=$RMQ_HOME"
        "RABBITMQ_CONF_ENV_FILE=$RMQ_ENVCONF"
        "RABBITMQ_NODENAME=$RMQ_NODE"
        "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
        "RABBITMQ_NODE_PORT=$AMQP_PORT"
        "RABBITMQ_DIST_PORT=$DIST_PORT"
        "RABBITMQ_CONFIG_FILE=$RMQ_CONF"
        "RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_PLUGINS"
        "RABBITMQ_MNESIA_BASE=$RMQ_MNESIA"
        "RABBITMQ_LOG_BASE=$RMQ_LOGDIR"
        "RABBITMQ_PID_FILE=$RMQ_PIDFILE"
        "ERL_EPMD_ADDRESS=127.0.0.1"
        "ERL_EPMD_PORT=$EPMD_PORT"
        "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
        "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
    )
}

# Run a command as the postgres OS user when we are root (PostgreSQL refuses to run as root).
as_pg() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}


# ---------------------------------------------------------------------------------------------
# start
# ---------------------------------------------------------------------------------------------

install_packages() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = 'install ok installed' ] || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=()
    if ! is_root; then
        command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and not root and no sudo: install them first"
        sudo=(sudo)
    fi
    log "installing missing Debian packages: ${missing[*]}"
    local t0
    t0=$(now_ms)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q update \
        || die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q install -y "${missing[@]}" \
        || die "apt-get install ${missing[*]} failed"
    log "packages installed in $(elapsed "$t0")"
}

# Explain who holds the busy ports $@ and, when it is a leftover of this script, how to stop it.
describe_port_owners() {
    local port pid cmd cwd owner seen=" " owners=" " unknown=()
    for port in "$@"; do
        local pids
        pids=$(listen_pids "$port")
        [ -n "$pids" ] || unknown+=("$port")
        for pid in $pids; do
            case "$seen" in *" $pid "*) continue ;; esac
            seen="$seen$pid "
            cmd=$(proc_cmdline "$pid")
            cwd=$(proc_cwd "$pid")
            printf '  pid %s (ports %s) cwd=%s cmd=%.120s\n' "$pid" \
                "$(for p in "${ALL_PORTS[@]}"; do listen_pids "$p" | grep -qx "$pid" && printf '%s ' "$p"; done)" \
                "${cwd:-?}" "$cmd" >&2
            # Our servers run with their cwd in <dir>/rabbitmq or <dir>/pg/data (postgres chdirs to its data dir).
            owner=""
            case "$cwd" in
                */rabbitmq) owner=${cwd%/rabbitmq} ;;
                */pg/data) owner=${cwd%/pg/data} ;;
            esac
            if [ -n "$owner" ]; then
                case "$owners" in *" $owner "*) ;; *) owners="$owners$owner " ;; esac
            fi
        done
    done
    [ ${#unknown[@]} -eq 0 ] || printf '  port(s) %s: owner not visible (not root?)\n' "${unknown[*]}" >&2
    for owner in $owners; do
        if [ -d "$owner/pids" ]; then
            printf '  -> leftover test servers from an earlier run of this script in %s; stop them with:\n       %s stop %s\n' \
                "$owner" "$0" "$owner" >&2
        else
            printf '  -> leftover of this script whose folder %s is gone: end the pids above yourself\n' "$owner" >&2
        fi
    done
}

check_ports_free() {
    local busy=() p
    for p in "${ALL_PORTS[@]}"; do
        port_in_use "$p" && busy+=("$p")
    done
    [ ${#busy[@]} -eq 0 ] && return 0
    log "ERROR: port(s) already in use: ${busy[*]}"
    describe_port_owners "${busy[@]}"
    die "cannot start test servers while these ports are taken"
}

prepare_dirs() {
    mkdir -p "$DIR" "$PIDS" "$RMQ_HOME" "$RMQ_MNESIA" "$RMQ_LOGDIR"
    [ -e "$PGDATA_DIR" ] && die "$PGDATA_DIR already exists: use a fresh, empty <dir> (or stop + remove the old one)"
    mkdir -p "$PG" "$PG_SOCK"
    if is_root; then
        id postgres >/dev/null 2>&1 || die "OS user 'postgres' does not exist (is the postgresql package installed?)"
        chown -R postgres:postgres "$PG"
        chmod 0700 "$PG"
        # mktemp -d makes <dir> 0700 root: the postgres user must be able to traverse into it.
        if ! runuser -u postgres -- test -w "$PG"; then
            chmod o+x "$DIR"
            runuser -u postgres -- test -w "$PG" \
                || die "user postgres cannot reach $PG (a parent folder of $DIR is not traversable); use a dir under /tmp"
        fi
    fi
}

start_postgres() {
    local t0
    t0=$(now_ms)
    log "initdb in $PGDATA_DIR"
    initdb_postgres
    run_postgres
    PG_READY=$(elapsed "$t0")
    log "PostgreSQL ready in $PG_READY (pid $(cat "$PIDS/postgres.pid"))"
}

initdb_postgres() {
    if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$PG/initdb.log" 2>&1; then
        tail -n 30 "$PG/initdb.log" >&2 || true
        die "initdb failed (log: $PG/initdb.log)"
    fi
}

run_postgres() {
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # pg_ctl setsid()s the postmaster, so Ctrl-C in the calling terminal does not hit it.
    if ! (cd "$PG" && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 start \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -k $PG_SOCK" >"$PG/pg_ctl.log" 2>&1); then
        cat "$PG/pg_ctl.log" >&2 || true
        echo "---- tail of $PG_LOG ----" >&2
        tail -n 40 "$PG_LOG" >&2 || true
        die "PostgreSQL did not start"
    fi
    head -n 1 "$PGDATA_DIR/postmaster.pid" >"$PIDS/postgres.pid"
    if ! as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30; then
        tail -n 40 "$PG_LOG" >&2 || true
        die "PostgreSQL started but does not accept connections on 127.0.0.1:$PG_PORT"
    fi
}

rabbit_fail() {
    log "ERROR: $1"
    {
        echo "---- first errors in $RMQ_OUT ----"
        grep -h -m 8 -e "\[error\]" -e "Error during startup" -e "BOOT FAILED" "$RMQ_OUT" 2>/dev/null || true
        echo "---- tail of $RMQ_OUT ----"
        tail -n 40 "$RMQ_OUT" 2>/dev/null || true
        local f
        for f in "$RMQ_LOGDIR"/*.log; do
            [ -f "$f" ] || continue
            echo "---- tail of $f ----"
            tail -n 40 "$f"
        done
        echo "---- $EPMD_LOG ----"
        tail -n 10 "$EPMD_LOG" 2>/dev/null || true
    } >&2
    exit 1
}

start_epmd() {
    local epmd pid i
    epmd=$(command -v epmd || true)
    [ -n "$epmd" ] || epmd=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -n 1 || true)
    [ -n "$epmd" ] || die "epmd not found (is erlang-base installed?)"
    # Foreground epmd (no -daemon) so that $! is its PID; setsid detaches it from the terminal.
    (cd "$RMQ" && exec setsid env ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$EPMD_PORT" \
        "$epmd" -address 127.0.0.1 -port "$EPMD_PORT" </dev/null >>"$EPMD_LOG" 2>&1) &
    pid=$!
    echo "$pid" >"$PIDS/epmd.pid"
    for ((i = 0; i < 100; i++)); do
        if listen_pids "$EPMD_PORT" | grep -qx "$pid"; then
            return 0
        fi
        alive "$pid" || rabbit_fail "epmd exited immediately"
        sleep 0.1
    done
    rabbit_fail "epmd (pid $pid) is not listening on 127.0.0.1:$EPMD_PORT after 10 s"
}

start_rabbitmq() {
    local t0 pid beam
    t0=$(now_ms)
    cat >"$RMQ_CONF" <<EOF
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
loopback_users.guest = true
management.tcp.port = $MGMT_PORT
management.tcp.ip = 127.0.0.1
log.console = false
log.file.level = info
EOF
    echo '[rabbitmq_management].' >"$RMQ_PLUGINS"
    # Empty env file so /etc/rabbitmq/rabbitmq-env.conf is not read.
    : >"$RMQ_ENVCONF"

    start_epmd

    log "starting RabbitMQ node $RMQ_NODE on 127.0.0.1:$AMQP_PORT (management 127.0.0.1:$MGMT_PORT)"
    # The wrapper script stays as parent of beam and turns SIGTERM into a clean shutdown.
    (cd "$RMQ" && exec setsid env "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmq-server" </dev/null >>"$RMQ_OUT" 2>&1) &
    pid=$!
    echo "$pid" >"$PIDS/rabbitmq-server.pid"

    # rabbitmqctl wait does not notice a node that dies before writing its pid file, so watch the
    # server process meanwhile and fail fast when it exits.
    local waiter
    # (a plain background command, so that $! is the CLI process itself and can be killed)
    env "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmqctl" wait --timeout 120 "$RMQ_PIDFILE" >>"$RMQ/wait.log" 2>&1 &
    waiter=$!
    while alive "$waiter"; do
        if ! alive "$pid"; then
            kill "$waiter" 2>/dev/null || true
            wait "$waiter" 2>/dev/null || true
            rabbit_fail "RabbitMQ exited during start-up"
        fi
        sleep 0.2
    done
    if ! wait "$waiter"; then
        cat "$RMQ/wait.log" >&2 || true
        rabbit_fail "RabbitMQ did not become ready (rabbitmqctl wait failed)"
    fi
    beam=$(tr -dc '0-9' <"$RMQ_PIDFILE" 2>/dev/null || true)
    [ -n "$beam" ] && echo "$beam" >"$PIDS/rabbitmq-beam.pid"
    RMQ_READY=$(elapsed "$t0")
    log "RabbitMQ broker ready in $RMQ_READY (beam pid ${beam:-?})"

    local i
    for ((i = 0; i < 600; i++)); do
        if curl -fsu guest:guest -o /dev/null --max-time 5 "http://127.0.0.1:$MGMT_PORT/api/overview"; then
            MGMT_READY=$(elapsed "$t0")
            log "RabbitMQ management API ready in $MGMT_READY"
            return 0
        fi
        alive "$pid" || rabbit_fail "RabbitMQ exited while waiting for the management API"
        sleep 0.1
    done
    rabbit_fail "RabbitMQ management API did not answer on http://127.0.0.1:$MGMT_PORT/api/overview within 60 s"
}

check_loopback_only() {
    local p bad
    for p in "${ALL_PORTS[@]}"; do
        bad=$(ss -ltnH "sport = :$p" 2>/dev/null | awk '{print $4}' | grep -vE '^(127\.[0-9.]+|\[::1\]|::1):' || true)
        [ -z "$bad" ] || die "port $p is bound to a non-loopback address: $bad"
    done
}

cmd_start() {
    install_packages
    mkdir -p "$DIR"
    declare -p PG_PORT AMQP_PORT MGMT_PORT DIST_PORT EPMD_PORT RMQ_NODE >"$DIR/ports.env"
    command -v ss >/dev/null 2>&1 || die "ss (iproute2) is required"
    command -v curl >/dev/null 2>&1 || die "curl is required"
    check_ports_free
    prepare_dirs
    start_postgres
    start_rabbitmq
    check_loopback_only
    log "servers up: postgres $PG_READY, rabbitmq $RMQ_READY (management $MGMT_READY); stop with: $0 stop $DIR"
}

# ---------------------------------------------------------------------------------------------
# stop (best effort, idempotent)
# ---------------------------------------------------------------------------------------------

stop_rabbitmq() {
    local wrapper beam epmd pid
    # Recorded PIDs are only trusted when the process still looks like ours (cmdline and cwd).
    wrapper=$(recorded_pid "$PIDS/rabbitmq-server.pid" rabbitmq-server || true)
    [ -z "$wrapper" ] || [ "$(proc_cwd "$wrapper")" = "$RMQ" ] || wrapper=""
    beam=$(recorded_pid "$RMQ_PIDFILE" "-home $RMQ_HOME " || recorded_pid "$PIDS/rabbitmq-beam.pid" "-home $RMQ_HOME " || true)

    if [ -n "$beam" ] && [ -d "$RMQ_HOME" ]; then
        log "stopping RabbitMQ (beam pid $beam)"
        timeout 90 env "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmqctl" stop "$RMQ_PIDFILE" >>"$RMQ/stop.log" 2>&1 \
            || log "rabbitmqctl stop failed (see $RMQ/stop.log); killing the node"
    fi
    if [ -n "$beam" ]; then terminate "$beam" 20; fi
    if [ -n "$wrapper" ]; then terminate "$wrapper" 20; fi

    # Any other beam of this node or of its CLI (identified by "-home <dir>/rabbitmq/home" in the command line).
    for pid in $(pgrep -f -- "-home $RMQ_HOME" 2>/dev/null || true); do
        [ "$pid" != "$$" ] || continue
        if cmdline_has "$pid" "-home $RMQ_HOME " && cmdline_has "$pid" beam; then
            log "killing leftover RabbitMQ process $pid"
            terminate "$pid" 10
        fi
    done

    epmd=$(recorded_pid "$PIDS/epmd.pid" "-port $EPMD_PORT" || true)
    [ -z "$epmd" ] || [ "$(proc_cwd "$epmd")" = "$RMQ" ] || epmd=""
    if [ -n "$epmd" ]; then
        log "stopping epmd (pid $epmd)"
        terminate "$epmd" 5
    fi
    # An epmd that Erlang may have auto-started for this node (cwd <dir>/rabbitmq) on our epmd port.
    for pid in $(listen_pids "$EPMD_PORT"); do
        if [ "$(proc_cwd "$pid")" = "$RMQ" ] && cmdline_has "$pid" epmd; then
            log "killing leftover epmd $pid"
            terminate "$pid" 5
        fi
    done
    rm -f "$PIDS/rabbitmq-server.pid" "$PIDS/rabbitmq-beam.pid" "$PIDS/epmd.pid"
}

stop_postgres() {
    local pid=""
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        pid=$(head -n 1 "$PGDATA_DIR/postmaster.pid" | tr -dc '0-9')
    elif [ -f "$PIDS/postgres.pid" ]; then
        pid=$(tr -dc '0-9' <"$PIDS/postgres.pid")
    fi
    if alive "$pid" && cmdline_has "$pid" "$PGDATA_DIR"; then
        log "stopping PostgreSQL (pid $pid)"
        as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >>"$PG/pg_ctl.log" 2>&1 \
            || log "pg_ctl stop failed (see $PG/pg_ctl.log); killing the postmaster"
        terminate "$pid" 20
    fi
    rm -f "$PIDS/postgres.pid"
}

cmd_stop() {
    if [ ! -d "$DIR" ]; then
        log "$DIR does not exist: nothing to stop"
        return 0
    fi
    stop_rabbitmq
    stop_postgres
    log "servers in $DIR stopped"
}

cmd_postgres-stop() {
    stop_postgres
}

cmd_postgres-start() {
    [ -d "$PGDATA_DIR" ] || die "$PGDATA_DIR does not exist: start the servers first"
    run_postgres
    log "PostgreSQL running again (pid $(cat "$PIDS/postgres.pid"))"
}

cmd_rabbitmq-restart() {
    log "restarting RabbitMQ node $RMQ_NODE"
    timeout 90 env "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmqctl" stop_app >>"$RMQ/restart.log" 2>&1 || die "rabbitmqctl stop_app failed (see $RMQ/restart.log)"
    timeout 90 env "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmqctl" start_app >>"$RMQ/restart.log" 2>&1 || die "rabbitmqctl start_app failed (see $RMQ/restart.log)"
    log "RabbitMQ node $RMQ_NODE running again"
}

# ---------------------------------------------------------------------------------------------

[ $# -eq 2 ] || usage
case "$1" in
    start | stop | postgres-stop | postgres-start | rabbitmq-restart) ;;
    *) usage ;;
esac
[ -n "$2" ] || usage
if [ "$1" = start ]; then
    mkdir -p "$2" || die "cannot create $2"
fi
abs=$(cd "$2" 2>/dev/null && pwd -P || echo "$2")
if [ "$1" != start ] && [ -f "$abs/ports.env" ]; then
    # shellcheck disable=SC1091 # written by "start" for this very folder
    . "$abs/ports.env"
    ALL_PORTS=("$PG_PORT" "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT" "$EPMD_PORT")
else
    set_ports
fi
set_paths "$abs"
PG_READY='?' RMQ_READY='?' MGMT_READY='?'
"cmd_$1"
