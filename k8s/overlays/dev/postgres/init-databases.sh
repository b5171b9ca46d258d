#!/usr/bin/env bash
# Runs once, on PostgreSQL's first start with an empty data directory (docker-entrypoint-initdb.d):
# one database per service, and web for the gateway (the web UI's sessions and key ring), each
# owned by its own login, whose password comes from <NAME>_DB_PASSWORD. A host can then reach only
# its own data.
set -euo pipefail

for service in identity catalogue matching funding talent opendata web; do
    var="${service^^}_DB_PASSWORD"
    password="${!var:?$var is not set}"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v service="$service" -v password="$password" <<'SQL'
CREATE ROLE :"service" LOGIN PASSWORD :'password';
CREATE DATABASE :"service" OWNER :"service";
REVOKE ALL ON DATABASE :"service" FROM PUBLIC;
SQL
done
