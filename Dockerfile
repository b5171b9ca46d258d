# syntax=docker/dockerfile:1.7
# One image recipe for every marketplace host (ADR 0024). Build one host with, e.g.:
#   docker build --build-arg PROJECT=services/funding/Marketplace.Funding.Host \
#                --build-arg ASSEMBLY=Marketplace.Funding.Host -t marketplace/funding:1.0.0 .
# The same image migrates (`--migrate`), replays error queues (`--replay-errors`) and serves.

# Base images are pinned to exact patch versions (never a floating tag); update them together
# with global.json and the runtime the tests run on.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-bookworm-slim
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.12-bookworm-slim

FROM ${SDK_IMAGE} AS build
ARG PROJECT
ARG ASSEMBLY
WORKDIR /src
# Restore first from the project files only, so a code change does not re-download packages.
COPY global.json NuGet.config Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY services/ services/
COPY gateway/ gateway/
COPY standalone/ standalone/
RUN test -n "$PROJECT" && test -n "$ASSEMBLY" \
 && dotnet restore "$PROJECT/$ASSEMBLY.csproj"
RUN dotnet publish "$PROJECT/$ASSEMBLY.csproj" -c Release --no-restore -o /app -p:UseAppHost=false

FROM ${RUNTIME_IMAGE} AS runtime
ARG ASSEMBLY
WORKDIR /app
COPY --from=build --chown=root:root /app ./
# Kestrel on 8080 (unprivileged); nothing is written under /app, so the root filesystem can be
# read-only: /tmp is the only writable path the hosts need (mount an emptyDir or tmpfs there).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_gcServer=0 \
    TMPDIR=/tmp \
    APP_DLL=${ASSEMBLY}.dll
EXPOSE 8080
# The image's unprivileged "app" user (uid 1654), never root.
USER 1654:1654
# The runtime image has no curl: bash's /dev/tcp asks /health/live (the process answers).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# exec: the host is PID 1's only child and receives SIGTERM directly; extra arguments (--migrate) pass through.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"/app/$APP_DLL\" \"$@\"", "--"]
