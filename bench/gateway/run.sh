#!/usr/bin/env bash
# The gateway (YARP) against nginx proxying the same routes and against calling the catalogue host
# directly, on this machine, in one run: each target three times, interleaved, with
# `wrk -t2 -c50` and `wrk -t1 -c1` on a cheap route and on a page of scenarios.
# A fourth target is the same gateway with inline socket completions (see below).
# Usage: bench/gateway/run.sh [--duration 15s] [--rounds 3] [--out bench/results/gateway-yarp.md]
# Everything listens on 127.0.0.1 on free ports; data and logs go to a temporary folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=15s
ROUNDS=3
OUT="$ROOT/bench/results/gateway-yarp.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
fi

WORK=$(mktemp -d /tmp/bench-gateway.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "no answer from $1; logs in $WORK" >&2
  exit 1
}

echo "building (Release) ..."
for project in standalone/Marketplace.Standalone services/catalogue/Marketplace.Catalogue.Host gateway/Marketplace.Gateway; do
  dotnet build -c Release -v q -nologo "$ROOT/$project" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done
dll() { echo "$ROOT/$1/bin/Release/net10.0/$(basename "$1").dll"; }
# A host reads appsettings.json from its working directory: run each from its output folder. `Urls`
# (not ASPNETCORE_URLS) so that it wins over an appsettings `Urls`.
host() { cd "$(dirname "$1")" && exec dotnet "$1"; }

DATA="$WORK/data"
mkdir -p "$DATA"
# Never contacted: the benchmarked routes are anonymous, and JwtBearer reads discovery only for a token.
AUTHORITY=http://127.0.0.1:9/api/identity

echo "seeding the demo data with the standalone host ..."
PS=$(free_port)
Urls=http://127.0.0.1:$PS Database__DataFolder="$DATA" Logging__LogLevel__Default=Warning \
  host "$(dll standalone/Marketplace.Standalone)" >"$WORK/standalone.log" 2>&1 &
SEEDER=$!
wait_for "http://127.0.0.1:$PS/api/catalogue/taxonomy" 180
kill "$SEEDER"; wait "$SEEDER" 2>/dev/null || true

PC=$(free_port)
Urls=http://127.0.0.1:$PC ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Sqlite ConnectionStrings__catalogue="Data Source=$DATA/catalogue.db" Database__MigrateOnStart=true \
  Messaging__Transport=InMemory Auth__Authority=$AUTHORITY \
  host "$(dll services/catalogue/Marketplace.Catalogue.Host)" >"$WORK/catalogue.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PC/health/ready" 120

PG=$(free_port)
# The shipped configuration, with rate limits far above what wrk sends and only the catalogue behind it.
Urls=http://127.0.0.1:$PG ASPNETCORE_ENVIRONMENT=Production \
  Gateway__Services__catalogue=http://127.0.0.1:$PC Gateway__Services__identity=http://127.0.0.1:$PC \
  Gateway__Services__matching=http://127.0.0.1:$PC Gateway__Services__funding=http://127.0.0.1:$PC Gateway__Services__opendata=http://127.0.0.1:$PC \
  Gateway__PermitsPerIpPerMinute=1000000000 Gateway__PermitsPerClientPerMinute=1000000000 Auth__Authority=$AUTHORITY \
  Database__Provider=Sqlite ConnectionStrings__web="Data Source=$DATA/web.db" Database__MigrateOnStart=true \
  host "$(dll gateway/Marketplace.Gateway)" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PG/health/ready" 120

# The same build and configuration, with socket continuations run inline on the epoll threads
# (fewer thread-pool hops per proxied request; a process-wide runtime switch, set only by environment).
PT=$(free_port)
Urls=http://127.0.0.1:$PT ASPNETCORE_ENVIRONMENT=Production DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 \
  Gateway__Services__catalogue=http://127.0.0.1:$PC Gateway__Services__identity=http://127.0.0.1:$PC \
  Gateway__Services__matching=http://127.0.0.1:$PC Gateway__Services__funding=http://127.0.0.1:$PC Gateway__Services__opendata=http://127.0.0.1:$PC \
  Gateway__PermitsPerIpPerMinute=1000000000 Gateway__PermitsPerClientPerMinute=1000000000 Auth__Authority=$AUTHORITY \
  Database__Provider=Sqlite ConnectionStrings__web="Data Source=$DATA/web-inline.db" Database__MigrateOnStart=true \
  host "$(dll gateway/Marketplace.Gateway)" >"$WORK/gateway-inline.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PT/health/ready" 120

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
    location = /openapi/catalogue.json {
      proxy_pass http://catalogue;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
wait_for "http://127.0.0.1:$PN/api/catalogue/taxonomy" 30

declare -A BASE=([direct]=http://127.0.0.1:$PC [nginx]=http://127.0.0.1:$PN [gateway]=http://127.0.0.1:$PG [gateway-inline]=http://127.0.0.1:$PT)
TARGETS=(direct nginx gateway gateway-inline)
ROUTES=("/api/catalogue/taxonomy" "/api/catalogue/scenarios?pageSize=20")
LOADS=("-t2 -c50" "-t1 -c1")
for route in "${ROUTES[@]}"; do
  for target in "${TARGETS[@]}"; do
    curl -fsS -o /dev/null "${BASE[$target]}$route" || { echo "$target $route fails" >&2; exit 1; }
  done
done

RAW="$WORK/raw"
mkdir -p "$RAW"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "warming up ..."
# Long enough for tiered compilation to reach its optimised code on a loaded 2-core machine (a profile
# after 5 s still showed a fifth of the gateway's CPU in the JIT).
for target in "${TARGETS[@]}"; do
  wrk -t2 -c50 -d15s "${BASE[$target]}${ROUTES[0]}" >/dev/null
  wrk -t2 -c50 -d5s "${BASE[$target]}${ROUTES[1]}" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for r in 0 1; do
    for l in 0 1; do
      for target in "${TARGETS[@]}"; do
        echo "round $round: $target ${ROUTES[$r]} ${LOADS[$l]}"
        # shellcheck disable=SC2086
        wrk ${LOADS[$l]} -d"$DURATION" --latency "${BASE[$target]}${ROUTES[$r]}" >"$RAW/$round-$r-$l-$target.txt"
      done
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

python3 "$ROOT/bench/gateway/report.py" "$RAW" "$ROUNDS" "$DURATION" "$LOAD_BEFORE" "$LOAD_AFTER" \
  "$(nginx -v 2>&1 | sed 's/.*: //')" "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)" "$(dotnet --version)" >"$OUT"
cat "$OUT"
echo "raw wrk output and logs: $WORK"
