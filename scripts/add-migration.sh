#!/usr/bin/env bash
# Adds an EF Core migration to one service for EVERY provider (SQLite, PostgreSQL and SQL Server).
#   scripts/add-migration.sh <service> <MigrationName>      e.g. scripts/add-migration.sh catalogue AddBatches
#   scripts/add-migration.sh --providers SqlServer <service> <MigrationName>   (only the providers named)
#   scripts/add-migration.sh web <MigrationName>   the web UI's session database (gateway/Marketplace.Web)
# Each provider has its own DbContext subclass and migration folder (docs/decisions/0002).
set -euo pipefail
cd "$(dirname "$0")/.."
providers="Sqlite Postgres SqlServer"
if [ "${1:-}" = "--providers" ]; then
  providers=${2:?usage: $0 [--providers "<Provider>..."] <service> <MigrationName>}
  shift 2
fi
service=${1:?usage: $0 [--providers "<Provider>..."] <service> <MigrationName>}
name=${2:?usage: $0 [--providers "<Provider>..."] <service> <MigrationName>}
# The module project is the one that is not the host (Marketplace.OpenData for services/opendata).
if [ "$service" = web ]; then
  project=gateway/Marketplace.Web
else
  project=$(find "services/$service" -maxdepth 1 -type d -name 'Marketplace.*' ! -name '*.Host' 2>/dev/null | head -n 1)
fi
[ -n "$project" ] && [ -d "$project" ] || { echo "no such service project under services/$service" >&2; exit 2; }
Service=${project##*/Marketplace.}

dotnet tool restore >/dev/null
dotnet build tools/Marketplace.DesignTime -v q -nologo
for provider in $providers; do
  context="${provider}${Service}DbContext"
  # Identity's context is IdentityServiceDbContext, apart from ASP.NET Core Identity's IdentityDbContext.
  grep -rqs "class $context" "$project/Data" || context="${provider}${Service}ServiceDbContext"
  # The web UI's context is named for what it holds.
  grep -rqs "class $context" "$project/Data" || context="${provider}${Service}SessionDbContext"
  dotnet tool run dotnet-ef migrations add "$name" --no-build \
    --project "$project" --startup-project tools/Marketplace.DesignTime \
    --context "$context" --output-dir "Data/Migrations/$provider"
done
