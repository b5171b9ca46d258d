#!/usr/bin/env bash
# The project's one test command.
#
#   ./test.sh [extra dotnet test args, e.g. --filter "FullyQualifiedName~Catalog"]
#   MARKETPLACE_TEST_RESULTS=dir ./test.sh   also keeps the .trx result files in dir (and the soak's report in dir/soak)
#   MARKETPLACE_SOAK_MINUTES=30 ./test.sh    a longer soak than the default 3 minutes (MARKETPLACE_SOAK_RATE: operations/s, 30)
#
# Starts throwaway PostgreSQL + RabbitMQ servers on loopback (scripts/test-servers.sh), builds
# Marketplace.sln and runs every test project against them (the browser tests and the soak beside the others),
# always stops the servers again (also on failure or Ctrl-C),
# and ends with one summary line: "N passed, N failed[, N skipped]".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
ROOT=$(pwd -P)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/marketplace-test.XXXXXXXX") || { echo "test.sh: mktemp failed" >&2; exit 1; }

CLEANED=0
cleanup() {
    [ "$CLEANED" -eq 1 ] && return 0
    CLEANED=1
    trap '' INT TERM # a second Ctrl-C must not interrupt the shutdown
    "$ROOT/scripts/test-servers.sh" stop "$TMP" || echo "test.sh: stopping the test servers failed" >&2
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "test.sh: interrupted" >&2; cleanup; exit 130' INT
trap 'echo "test.sh: terminated" >&2; cleanup; exit 143' TERM

if ! "$ROOT/scripts/test-servers.sh" start "$TMP"; then
    echo "test.sh: could not start the test servers" >&2
    exit 1
fi

export MARKETPLACE_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres"
export MARKETPLACE_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:5673/"
export MARKETPLACE_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:15673/"
export MARKETPLACE_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

RESULTS="$TMP/results"
# Build once, then run the test assemblies in two lanes at the same time: the browser tests spend much of their time
# waiting on Chromium and the standalone host, which the other assemblies use to run beside them; the soak follows the
# browser tests in their lane, so the two lanes take about as long. Any test project that is not named here runs in
# the second lane, so a new one cannot be forgotten.
DOTNET_RC=0
if ! dotnet build Marketplace.sln -c Release -nologo -v q; then
    DOTNET_RC=1
else
    mapfile -t PROJECTS < <(grep -l "Microsoft.NET.Test.Sdk" tests/*/*.csproj | sort)
    BROWSER=() OTHERS=()
    for p in "${PROJECTS[@]}"; do
        case "$p" in
            */Marketplace.BrowserTests.csproj) BROWSER=("$p" "${BROWSER[@]}") ;;
            */Marketplace.SoakTests.csproj) BROWSER+=("$p") ;; # after the browser tests (prepended above, whatever the order)
            */Marketplace.UnitTests.csproj) OTHERS=("$p" "${OTHERS[@]}") ;; # the fastest first: a broken build of rules shows at once
            *) OTHERS+=("$p") ;;
        esac
    done
    run_lane() { # lane-name project...; one line per assembly with its time, every output line prefixed with the lane
        local lane=$1 rc=0 started project
        shift
        for project in "$@"; do
            started=$SECONDS
            dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$(basename "$project" .csproj).trx" --results-directory "$RESULTS" "${TEST_ARGS[@]}" 2>&1 | sed -u "s/^/[$lane] /"
            [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
            echo "[$lane] $(basename "$project" .csproj): $((SECONDS - started)) s"
        done
        return $rc
    }
    TEST_ARGS=("$@")
    run_lane browser "${BROWSER[@]}" &
    BROWSER_PID=$!
    run_lane others "${OTHERS[@]}" || DOTNET_RC=1
    wait "$BROWSER_PID" || DOTNET_RC=1
fi

# Total the <Counters .../> element of every .trx file (bash/grep/sed/awk only).
# failed also counts the error/timeout/aborted outcomes. skipped = notExecuted, but the VSTest trx
# logger leaves notExecuted at 0 for skipped xunit tests and only counts them in total, so
# skipped = max(notExecuted, total - executed).
TRX_FILES=()
if [ -d "$RESULTS" ]; then
    while IFS= read -r -d '' f; do TRX_FILES+=("$f"); done < <(find "$RESULTS" -type f -name '*.trx' -print0)
fi

PASSED=0 FAILED=0 SKIPPED=0
for f in "${TRX_FILES[@]}"; do
    counters=$(tr '\r\n' '  ' <"$f" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1)
    if [ -z "$counters" ]; then
        echo "test.sh: no <Counters> element in $f" >&2
        FAILED=$((FAILED + 1))
        continue
    fi
    read -r p fl s < <(printf '%s\n' "$counters" | sed 's/[[:space:]]\{1,\}/\n/g' | awk -F'"' '
        /^[A-Za-z]+="[0-9]+"$/ { split($0, kv, "="); c[kv[1]] = $2 + 0 }
        END {
            skipped = c["notExecuted"] + 0
            if (c["total"] - c["executed"] > skipped) skipped = c["total"] - c["executed"]
            print c["passed"] + 0, c["failed"] + c["error"] + c["timeout"] + c["aborted"], skipped
        }')
    PASSED=$((PASSED + ${p:-0})) FAILED=$((FAILED + ${fl:-0})) SKIPPED=$((SKIPPED + ${s:-0}))
done

# Keep the .trx files (per-test outcomes and durations) where the caller asks, e.g. for CI artifacts.
if [ -n "${MARKETPLACE_TEST_RESULTS:-}" ] && [ ${#TRX_FILES[@]} -gt 0 ]; then
    mkdir -p "$MARKETPLACE_TEST_RESULTS" && cp "${TRX_FILES[@]}" "$MARKETPLACE_TEST_RESULTS/"
fi

cleanup # stop the servers now so the summary below is the very last line

if [ ${#TRX_FILES[@]} -eq 0 ]; then
    echo "build/test run failed: dotnet test exited with $DOTNET_RC and produced no .trx results"
    exit 1
fi

if [ "$FAILED" -eq 0 ] && [ "$DOTNET_RC" -ne 0 ]; then
    # A project that did not build or a crashed test host ran no tests: count it, never report green.
    echo "test.sh: dotnet test exited with $DOTNET_RC (build error or crashed test host?) although no test failed; counted as 1 failed"
    FAILED=1
fi
SUMMARY="$PASSED passed, $FAILED failed"
[ "$SKIPPED" -gt 0 ] && SUMMARY="$SUMMARY, $SKIPPED skipped"
echo "$SUMMARY"

[ "$FAILED" -eq 0 ] && [ "$DOTNET_RC" -eq 0 ]
