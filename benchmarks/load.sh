#!/usr/bin/env bash
# The load test of issue 7, in one command:
#
#   benchmarks/load.sh
#
# Release app on the seed data (a throwaway PostgreSQL 15 cluster by default), then for
# LOAD_DURATION seconds at once: wrk with LOAD_CONNECTIONS connections reading the anonymous pages,
# API and exports in turn, and LOAD_EDITORS editors saving results of the published year through
# the staff API with the version they read (a 409 makes them read again). Afterwards every
# acknowledged save is looked for in the final figures (the last acknowledged save of each
# indicator must be its value) and in the audit trail. Prints a summary; exits non-zero on any 5xx
# answer or lost update.
#
# Settings (environment):
#   LOAD_DURATION=300   LOAD_CONNECTIONS=64   LOAD_EDITORS=4
#   LOAD_DB=postgres|sqlite   LOAD_CACHE=on|off (Performance__OutputCache)
#   LOAD_PORT=5392   LOAD_PG_PORT=55392   LOAD_NO_BUILD=1 (use the Release build already there)
#
# The editors are Admin accounts made with the app's create-admin command: 2021 is published, and
# correcting a published year takes an Approver or Admin and a reason (the editors give one).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DURATION=${LOAD_DURATION:-300}
CONNECTIONS=${LOAD_CONNECTIONS:-64}
EDITORS=${LOAD_EDITORS:-4}
DB=${LOAD_DB:-postgres}
CACHE=${LOAD_CACHE:-on}
PORT=${LOAD_PORT:-5392}
PG_PORT=${LOAD_PG_PORT:-55392}
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
YEAR=2021
PASSWORD=Load-test-password-2026

APP_DLL=$ROOT/src/UnvReporting.Web/bin/Release/net10.0/UnvReporting.Web.dll
TOOL=$ROOT/benchmarks/UnvReporting.Benchmarks/bin/Release/net10.0/UnvReporting.Benchmarks.dll
URL=http://127.0.0.1:$PORT

WORK=$(mktemp -d /tmp/unv-load.XXXXXX)
chmod 755 "$WORK"
APP_PID=""

log() { echo "== $*" >&2; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
  if [ -d "$WORK/pg/data" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${LOAD_NO_BUILD:-}" ]; then
  log "Build (Release)"
  dotnet build src/UnvReporting.Web -c Release -nologo -clp:ErrorsOnly -v:q >&2
  dotnet build benchmarks/UnvReporting.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q >&2
fi
if ! command -v wrk >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL DataFolder=$WORK/data
# Production serves only the listed hosts (docs/deployment.md); the load comes to loopback.
export AllowedHosts="127.0.0.1;localhost"
export FileLog__Enabled=false Serilog__MinimumLevel__Default=Warning
# Plain HTTP on loopback: Secure, __Host- cookies would not come back (docs/security.md).
export Cookies__HttpsOnly=false
export Performance__OutputCache=$([ "$CACHE" = on ] && echo true || echo false)
mkdir -p "$DataFolder"
if [ "$DB" = postgres ]; then
  log "PostgreSQL 15 throwaway cluster on port $PG_PORT"
  mkdir -p "$WORK/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE unv" >/dev/null
  export Database__Provider=Postgres ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=unv;Username=postgres;Maximum Pool Size=100"
else
  export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$WORK/unv.db"
fi

log "$DB: migrate (seed data) and $EDITORS editor accounts"
dotnet "$APP_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
accounts=()
for i in $(seq 1 "$EDITORS"); do
  printf '%s\n' "$PASSWORD" | dotnet "$APP_DLL" create-admin "editor$i@example.org" >>"$WORK/admin.log" 2>&1 || { cat "$WORK/admin.log" >&2; exit 1; }
  accounts+=("editor$i@example.org")
done

dotnet "$APP_DLL" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready" || true)" = 200 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done

keys=$(curl -sf "$URL/api/v1/years/$YEAR/indicators" | grep -o '"key":"[^"]*"' | cut -d'"' -f4 | paste -sd, -)
first_key=${keys%%,*}

# The reads: pages, API and a CSV export of the year the editors change, in turn; 5xx counted apart.
cat >"$WORK/reads.lua" <<EOF
local paths = { "/", "/indicators/$YEAR", "/indicators/$YEAR/$first_key", "/statistics/$YEAR",
  "/api/v1/years/$YEAR/summary", "/api/v1/years/$YEAR/indicators", "/api/v1/years/$YEAR/indicators/$first_key",
  "/export/$YEAR/indicators.csv" }
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() i = 0; fivexx = 0 end
function request() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
function response(status) if status >= 500 then fivexx = fivexx + 1 end end
function done()
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("fivexx") end
  io.write("reads_5xx=" .. total .. "\n")
end
EOF

log "$DURATION s: wrk -c$CONNECTIONS reads and $EDITORS editors on $YEAR ($keys)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$WORK/reads.lua" "$URL" >"$WORK/wrk.out" 2>&1 &
wrk_pid=$!
set +e
dotnet "$TOOL" editors --url "$URL" --year "$YEAR" --keys "$keys" --accounts "$(IFS=,; echo "${accounts[*]}")" \
  --password "$PASSWORD" --duration "$DURATION" >"$WORK/editors.out"
editors_status=$?
wait "$wrk_pid"
set -e

reads=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$WORK/wrk.out")
reads_5xx=$(awk -F= '/^reads_5xx=/ {print $2}' "$WORK/wrk.out")
value() { awk -F= -v k="$1" '$1 == k {print $2}' "$WORK/editors.out"; }

cat <<EOF
## Load test of $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)

$DB, seed data, output cache $CACHE, $DURATION s, $(nproc) cores shared with the load generators.

| measure | value |
|---|---:|
| reads done (wrk, $CONNECTIONS connections) | ${reads:-0} |
| reads per second | ${rps:-0} |
| read p99 | ${p99:-?} |
| reads answered other than 2xx/3xx | ${non2xx:-0} |
| reads answered 5xx | ${reads_5xx:-?} |
| editor requests | $(value editors_requests) |
| saves acknowledged | $(value editors_writes_acknowledged) |
| conflicts (409: the indicator changed since read; read again) | $(value editors_conflicts) |
| year conflicts (403 "changed at the same moment": another save of the year finished first; read again) | $(value editors_year_conflicts) |
| editor answers 5xx | $(value editors_5xx) |
| editor answers otherwise unexpected | $(value editors_other_failures) |
| lost updates (final value or audit trail disagrees with an acknowledged save) | $(value editors_lost_updates) |
EOF

if [ "${reads_5xx:-1}" != 0 ] || [ "$editors_status" -ne 0 ]; then
  echo "load.sh: FAILED (5xx answers or lost updates; see above)" >&2
  tail -20 "$WORK/app.log" >&2
  exit 1
fi
echo "load.sh: no 5xx, no lost updates" >&2
