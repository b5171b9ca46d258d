#!/usr/bin/env bash
# CPU time per proxied request, a figure that other work on the machine hardly moves (unlike req/s):
# each target under the same wrk load, interleaved, its process's utime+stime read from /proc before
# and after, divided by the requests wrk counted. Targets are builds of the gateway (each a folder
# holding Marketplace.Gateway.dll, e.g. a copy of its bin/Release/net10.0), plus nginx as the yardstick.
# Usage: bench/gateway/cpu.sh [--seconds 10] [--rounds 3] [--load "-t2 -c50"] [--route PATH] [--nginx]
#          [--data FOLDER (seeded once, reused)] NAME=FOLDER[:VAR=VALUE...] ...
# (variables after the folder are set for that target only, e.g. gateway-inline=DIR:DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)
# The catalogue and the seed come from this repository's Release build (bench/gateway/run.sh builds it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_PER_RUN=10
ROUNDS=3
LOAD="-t2 -c50"
ROUTE=/api/catalogue/taxonomy
NGINX=false
DATA=
declare -A FOLDER=() EXTRA=()
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --load) LOAD=$2; shift 2 ;;
    --route) ROUTE=$2; shift 2 ;;
    --nginx) NGINX=true; shift ;;
    --data) DATA=$2; shift 2 ;;
    *=*) name=${1%%=*}; spec=${1#*=}; TARGETS+=("$name"); FOLDER[$name]=${spec%%:*}
         EXTRA[$name]=$([ "$spec" = "${spec#*:}" ] || echo "${spec#*:}" | tr ':' ' '); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d /tmp/bench-gateway-cpu.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() {
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "no answer from $1; logs in $WORK" >&2
  exit 1
}
dll() { echo "$ROOT/$1/bin/Release/net10.0/$(basename "$1").dll"; }
host() { cd "$(dirname "$1")" && exec dotnet "$1"; }
# shellcheck disable=SC2086
host_with() { local extra=$1; shift; cd "$(dirname "$1")" && exec env $extra dotnet "$1"; }
# utime+stime in clock ticks of a process and its children (nginx's worker is the master's child).
ticks() {
  local total=0 pid
  for pid in $1 $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    total=$((total + $(awk '{print $14 + $15}' /proc/"$pid"/stat)))
  done
  echo "$total"
}
HZ=$(getconf CLK_TCK)

DATA=${DATA:-$WORK/data}
mkdir -p "$DATA"
AUTHORITY=http://127.0.0.1:9/api/identity
if [ ! -f "$DATA/catalogue.db" ]; then
  PS=$(free_port)
  Urls=http://127.0.0.1:$PS Database__DataFolder="$DATA" Logging__LogLevel__Default=Warning \
    host "$(dll standalone/Marketplace.Standalone)" >"$WORK/standalone.log" 2>&1 &
  SEEDER=$!
  wait_for "http://127.0.0.1:$PS/api/catalogue/taxonomy" 180
  kill "$SEEDER"; wait "$SEEDER" 2>/dev/null || true
fi

PC=$(free_port)
Urls=http://127.0.0.1:$PC ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Sqlite ConnectionStrings__catalogue="Data Source=$DATA/catalogue.db" Database__MigrateOnStart=true \
  Messaging__Transport=InMemory Auth__Authority=$AUTHORITY \
  host "$(dll services/catalogue/Marketplace.Catalogue.Host)" >"$WORK/catalogue.log" 2>&1 &
CATALOGUE=$!
PIDS+=($CATALOGUE)
wait_for "http://127.0.0.1:$PC/health/ready" 120

declare -A BASE=() PID=()
for target in "${TARGETS[@]}"; do
  port=$(free_port)
  Urls=http://127.0.0.1:$port ASPNETCORE_ENVIRONMENT=Production \
    Gateway__Services__catalogue=http://127.0.0.1:$PC Gateway__Services__identity=http://127.0.0.1:$PC \
    Gateway__Services__matching=http://127.0.0.1:$PC Gateway__Services__funding=http://127.0.0.1:$PC Gateway__Services__talent=http://127.0.0.1:$PC Gateway__Services__opendata=http://127.0.0.1:$PC \
    Gateway__PermitsPerIpPerMinute=1000000000 Gateway__PermitsPerClientPerMinute=1000000000 Auth__Authority=$AUTHORITY \
    Database__Provider=Sqlite ConnectionStrings__web="Data Source=$WORK/web-$target.db" Database__MigrateOnStart=true \
    host_with "${EXTRA[$target]}" "${FOLDER[$target]}/Marketplace.Gateway.dll" >"$WORK/$target.log" 2>&1 &
  PID[$target]=$!
  PIDS+=($!)
  BASE[$target]=http://127.0.0.1:$port
  wait_for "${BASE[$target]}/health/ready" 120
done

if $NGINX; then
  PN=$(free_port)
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream catalogue { server 127.0.0.1:$PC; keepalive 64; }
  server {
    listen 127.0.0.1:$PN;
    location /api/catalogue/ {
      proxy_pass http://catalogue;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
    }
  }
}
CONF
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  PID[nginx]=$!
  PIDS+=($!)
  BASE[nginx]=http://127.0.0.1:$PN
  TARGETS+=(nginx)
  wait_for "${BASE[nginx]}$ROUTE" 30
fi

echo "warming up ..." >&2
for target in "${TARGETS[@]}"; do
  wrk -t2 -c50 -d15s "${BASE[$target]}$ROUTE" >/dev/null
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %6s %10s %12s %12s\n' target round req/s "proxy µs/req" "service µs/req"
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    before=$(ticks "${PID[$target]}"); service_before=$(ticks "$CATALOGUE")
    # shellcheck disable=SC2086
    out=$(wrk $LOAD -d"${SECONDS_PER_RUN}s" "${BASE[$target]}$ROUTE")
    after=$(ticks "${PID[$target]}"); service_after=$(ticks "$CATALOGUE")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    python3 -c "import sys; t,r,rps,p,s,hz=sys.argv[1:7]; p=int(p); s=int(s); r=int(r); hz=int(hz)
print(f'{t:<16} {int(sys.argv[7]):>6} {float(rps):>10,.0f} {p/hz/r*1e6:>12.1f} {s/hz/r*1e6:>12.1f}')" \
      "$target" "$requests" "$rps" $((after - before)) $((service_after - service_before)) "$HZ" "$round"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
