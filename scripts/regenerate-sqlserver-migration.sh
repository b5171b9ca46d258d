#!/usr/bin/env bash
# Replaces a service's SQL Server migrations with ONE migration, SqlServerInitial, generated from the
# current model (ADR 0015). For use only while no SQL Server database has been deployed: a deployed
# database has applied the old migrations, so from then on add migrations with add-migration.sh.
#   scripts/regenerate-sqlserver-migration.sh <service>...   e.g. scripts/regenerate-sqlserver-migration.sh identity
# Then run the unit tests' ProviderModelTests: no provider may have pending model changes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: $0 <service>..." >&2; exit 2; }
# Build before deleting anything: a model that does not compile must not cost the old migrations.
dotnet build tools/Marketplace.DesignTime -v q -nologo
for service in "$@"; do
  Service="$(tr '[:lower:]' '[:upper:]' <<<"${service:0:1}")${service:1}"
  folder="services/$service/Marketplace.$Service/Data/Migrations/SqlServer"
  [ -d "services/$service/Marketplace.$Service" ] || { echo "no such service project: $service" >&2; exit 2; }
  rm -rf "$folder"
  scripts/add-migration.sh --providers SqlServer "$service" SqlServerInitial
done
