#!/usr/bin/env bash
# Does the token endpoint's answer time tell which e-mail addresses have accounts (issue 18,
# item 7; docs/security.md, "One answer for every failure")? In one command:
#
#   benchmarks/signin-timing.sh
#
# Release app in Production on loopback, then TIMING_TRIES requests each for an address without an
# account and for an existing account with a wrong password, in alternation, each from its own
# forwarded client address (the app trusts its loopback proxy here), so that the rate limit and the
# lockout do not change the work. Prints the medians and how often one request tells them apart.
#
# Settings (environment):
#   TIMING_DB=sqlite|postgres   TIMING_TRIES=200   TIMING_PORT=5393   TIMING_PG_PORT=55393
#   TIMING_NO_BUILD=1 (use the Release build already there)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DB=${TIMING_DB:-sqlite}
TRIES=${TIMING_TRIES:-200}
PORT=${TIMING_PORT:-5393}
PG_PORT=${TIMING_PG_PORT:-55393}
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
EMAIL=admin@example.org
PASSWORD=Timing-test-password-2026

APP_DLL=$ROOT/src/UnvReporting.Web/bin/Release/net10.0/UnvReporting.Web.dll
TOOL=$ROOT/benchmarks/UnvReporting.Benchmarks/bin/Release/net10.0/UnvReporting.Benchmarks.dll
URL=http://127.0.0.1:$PORT

WORK=$(mktemp -d /tmp/unv-timing.XXXXXX)
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

if [ -z "${TIMING_NO_BUILD:-}" ]; then
  log "Build (Release)"
  dotnet build src/UnvReporting.Web -c Release -nologo -clp:ErrorsOnly -v:q >&2
  dotnet build benchmarks/UnvReporting.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q >&2
fi

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL DataFolder=$WORK/data
export AllowedHosts="127.0.0.1;localhost"
export FileLog__Enabled=false Serilog__MinimumLevel__Default=Warning
# Each request names its own client; the default trusted proxies are the loopback addresses.
export ForwardedHeaders__Enabled=true RateLimits__SignInPerMinute=100000
mkdir -p "$DataFolder"
if [ "$DB" = postgres ]; then
  log "PostgreSQL 15 throwaway cluster on port $PG_PORT"
  mkdir -p "$WORK/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg" start >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE unv" >/dev/null
  export Database__Provider=Postgres ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=unv;Username=postgres"
else
  export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$WORK/unv.db"
fi

log "$DB: migrate and one account"
dotnet "$APP_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
printf '%s\n' "$PASSWORD" | dotnet "$APP_DLL" create-admin "$EMAIL" >"$WORK/admin.log" 2>&1 || { cat "$WORK/admin.log" >&2; exit 1; }

dotnet "$APP_DLL" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready" || true)" = 200 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done

log "$TRIES tries each: unknown address, existing account with a wrong password"
echo "db=$DB"
dotnet "$TOOL" signin-timing --url "$URL" --email "$EMAIL" --tries "$TRIES"
