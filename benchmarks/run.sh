#!/usr/bin/env bash
# The benchmark suite of issue 6, in one command:
#
#   benchmarks/run.sh
#
# publishes the app (Release, linux-x64, ReadyToRun, as deployed), installs wrk when missing, starts a throwaway PostgreSQL 15 cluster, prepares
# the seed data set (the reference data of the two reports) and the synthetic data set at scale
# (50 reporting years in ten frameworks of 500 indicators, 1,000,000 statistic facts) in a fresh
# SQLite file and a fresh PostgreSQL database each, starts the published app on each with the output
# cache on and off, and runs wrk against the key pages, API calls and exports. It prints Markdown
# (ready to paste into docs/performance.md) and writes it to benchmarks/results/latest.md:
#   - per database × data set × cache: requests/s, p50 and p99 per endpoint, each as a ratio to
#     /health/live of the same app in the same run, start-up to ready, and the app's peak memory;
#   - seed against scale latency per endpoint;
#   - at scale: the CSV export of all 1,000,000 facts (rows/s, growth of the app's resident memory)
#     and the import of a 50,000-row statistics file through the staff pages.
#
# Settings (environment):
#   BENCH_DURATION=10        seconds of wrk per endpoint
#   BENCH_WARMUP=3           seconds of wrk per endpoint before that, not counted
#   BENCH_CONNECTIONS=64     wrk connections (two wrk threads)
#   BENCH_DRAIN=120          at most this many seconds of waiting for the app to go idle between endpoints
#   BENCH_ONLY=sqlite,postgres     databases to run
#   BENCH_SCALE=seed,full          data sets to run
#   BENCH_CACHE=on,off             output cache settings to run (Performance__OutputCache)
#   BENCH_FACTS=1000000      statistic facts of the synthetic data set (small for a quick try)
#   BENCH_IMPORT_ROWS=50000  rows of the import file (0 skips the import)
#   BENCH_EXPORT=1           0 skips the export measurement
#   BENCH_PORT=5391, BENCH_PG_PORT=55391
#   BENCH_NO_BUILD=1         use the app published into benchmarks/.app and the tool built by an earlier run
#   BENCH_KEEP=1             keep the databases and the app's log (the temporary folder is named at the end)
#
# A quick try: BENCH_DURATION=2 BENCH_FACTS=20000 BENCH_ONLY=sqlite benchmarks/run.sh
# Needs root (or sudo) only to install wrk, and to run PostgreSQL's initdb as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
DRAIN=${BENCH_DRAIN:-120}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
ONLY=${BENCH_ONLY:-sqlite,postgres}
SCALES=${BENCH_SCALE:-seed,full}
CACHES=${BENCH_CACHE:-on,off}
FACTS=${BENCH_FACTS:-1000000}
IMPORT_ROWS=${BENCH_IMPORT_ROWS:-50000}
EXPORT=${BENCH_EXPORT:-1}
PORT=${BENCH_PORT:-5391}
PG_PORT=${BENCH_PG_PORT:-55391}
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}

# The app is measured as it is deployed: published for linux-x64, ReadyToRun (docs/deployment.md).
APP_DIR=$ROOT/benchmarks/.app
APP_DLL=$APP_DIR/UnvReporting.Web.dll
TOOL=$ROOT/benchmarks/UnvReporting.Benchmarks/bin/Release/net10.0/UnvReporting.Benchmarks.dll
URL=http://127.0.0.1:$PORT
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD=Bench-admin-password-2026

# The years and the indicator benchmarked: 2021 is a reference year; the synthetic years are
# 2026-2075 and the last of them is read at scale (its statistics page also reads 2074).
SEED_YEAR=2021
FULL_FIRST=2026
FULL_YEAR=2075
KEY=1.1.1

WORK=$(mktemp -d /tmp/unv-bench.XXXXXX)
chmod 755 "$WORK"
# Written as the run goes, so a run that stops half-way keeps what it measured.
mkdir -p benchmarks/results
RESULTS=$ROOT/benchmarks/results/latest.tsv
EXTRAS=$ROOT/benchmarks/results/latest-extras.tsv
: >"$RESULTS"
: >"$EXTRAS"
APP_PID=""

log() { echo "== $*" >&2; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
  if [ -d "$WORK/pg/data" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then echo "run.sh: databases and logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

has() { [[ ",$2," == *",$1,"* ]]; }

# ---- build and tools -------------------------------------------------------------------------
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  log "Publish (Release, linux-x64, ReadyToRun)"
  rm -rf "$APP_DIR"
  dotnet publish src/UnvReporting.Web -c Release -r linux-x64 --self-contained false -o "$APP_DIR" -nologo -clp:ErrorsOnly -v:q >&2
  dotnet build benchmarks/UnvReporting.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q >&2
fi
if ! command -v wrk >/dev/null 2>&1; then
  log "Installing wrk"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

if has postgres "$ONLY"; then
  log "PostgreSQL 15 throwaway cluster on port $PG_PORT"
  mkdir -p "$WORK/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  # Durability off: the benchmark measures the app, not the disk of a shared machine.
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
fi

# ---- the app under test ----------------------------------------------------------------------
# Sets the app's environment for database $1 and data set $2 (output cache $3).
app_env() {
  local db=$1 scale=$2 cache=${3:-on}
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL DataFolder=$WORK/data-$db-$scale
  # Production serves only the listed hosts (docs/deployment.md); the requests come to loopback.
  export AllowedHosts="127.0.0.1;localhost"
  export FileLog__Enabled=false Serilog__MinimumLevel__Default=Warning
  # Plain HTTP on loopback: Secure, __Host- cookies would not come back (docs/security.md).
  export Cookies__HttpsOnly=false
  export Performance__OutputCache=$([ "$cache" = on ] && echo true || echo false)
  export Database__MigrateOnStartup=true Database__LoadReferenceData=true
  if [ "$db" = sqlite ]; then
    export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$WORK/$scale.db" ConnectionStrings__Postgres=""
  else
    export Database__Provider=Postgres ConnectionStrings__Sqlite="" \
      ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=unv_$scale;Username=postgres;Maximum Pool Size=100"
  fi
  mkdir -p "$DataFolder"
}

# A fresh database: the app's migrate command (schema and reference data), then the synthetic rows.
prepare() {
  local db=$1 scale=$2
  log "$db/$scale: migrate"
  app_env "$db" "$scale"
  if [ "$db" = postgres ]; then
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE unv_$scale" >/dev/null
  fi
  dotnet "$APP_DLL" migrate >"$WORK/migrate-$db-$scale.log" 2>&1 || { cat "$WORK/migrate-$db-$scale.log" >&2; exit 1; }
  if [ "$scale" = full ]; then
    log "$db/$scale: generate $FACTS facts"
    local cs=$ConnectionStrings__Sqlite
    [ "$db" = postgres ] && cs=$ConnectionStrings__Postgres
    dotnet "$TOOL" generate --provider "$db" --connection "$cs" --facts "$FACTS" --first-year "$FULL_FIRST" >/dev/null
  fi
  printf '%s\n' "$ADMIN_PASSWORD" | dotnet "$APP_DLL" create-admin "$ADMIN_EMAIL" >"$WORK/admin-$db-$scale.log" 2>&1 \
    || { cat "$WORK/admin-$db-$scale.log" >&2; exit 1; }
}

# Starts the app and waits for /health/ready; READY_MS is the time from process start to ready.
start_app() {
  local started now
  started=$(date +%s%N)
  dotnet "$APP_DLL" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  while [ $(($(date +%s%N) - started)) -lt 300000000000 ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready" || true)" = 200 ]; then
      now=$(date +%s%N)
      READY_MS=$(((now - started) / 1000000))
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.01
  done
  echo "run.sh: the app did not become ready in 5 minutes (process $(kill -0 "$APP_PID" 2>/dev/null && echo running || echo ended)); its log:" >&2
  tail -30 "$WORK/app.log" >&2
  exit 1
}

# Stops the app; PEAK_MB is its peak resident memory (VmHWM) over the whole run.
stop_app() {
  PEAK_MB=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# name|path of what is measured; the first is the trivial endpoint every other is compared with.
# Every request says what Chromium says it accepts (ENCODINGS), as Board members' browsers do; the
# two rows marked "plain" send "Accept-Encoding: identity", like a script that does not decompress, to show what
# the stored compressed copy saves (the app compresses only the answers it caches: ADR-011).
ENCODINGS="gzip, deflate, br, zstd"
endpoints() {
  local year=$1
  cat <<EOF
trivial: health/live|/health/live
home page|/
indicator table|/indicators/$year
indicator page|/indicators/$year/$KEY
statistics page|/statistics/$year
summary API|/api/v1/years/$year/summary
indicators API|/api/v1/years/$year/indicators
statistics API|/api/v1/years/$year/statistics
indicators CSV|/export/$year/indicators.csv
statistics CSV|/export/$year/statistics.csv
indicators XLSX|/export/$year/indicators.xlsx
indicator table, plain|/indicators/$year|plain
indicators API, plain|/api/v1/years/$year/indicators|plain
EOF
}

# wrk's latency in ms, whatever unit it printed.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# Waits until the app is idle (under 10% of a core for a second), at most BENCH_DRAIN seconds.
# wrk closes its connections when it stops, but requests already running go on: a page that
# takes seconds leaves up to 64 of them behind, which would otherwise be billed to the next endpoint.
drain() {
  local before after
  for _ in $(seq 1 "$DRAIN"); do
    before=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
    [ $((after - before)) -lt 10 ] && return 0
  done
  log "the app was still busy ${DRAIN} s after the last endpoint; the next one is measured anyway"
}

measure() {
  local db=$1 scale=$2 cache=$3 year=$4 name path plain out rps p50 p99 bad header
  while IFS='|' read -r name path plain; do
    header="Accept-Encoding: $ENCODINGS"
    [ "$plain" = plain ] && header="Accept-Encoding: identity"
    drain
    # Warm-up first (JIT, tiered compilation, connection pools, caches), not counted.
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 30s -H "$header" "$URL$path" >/dev/null
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -H "$header" "$URL$path")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    drain
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$db" "$scale" "$cache" "$name" "$path" "$rps" "$p50" "$p99" "${bad:-0}" >>"$RESULTS"
    log "$db/$scale/cache $cache: $name $rps req/s, p50 $p50 ms, p99 $p99 ms${bad:+, $bad non-2xx}"
  done < <(endpoints "$year")
}

# Every measured address must answer 200 once before anything is timed.
check_pages() {
  local year=$1 name path plain code failed=0
  while IFS='|' read -r name path plain; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$URL$path" || true)
    if [ "$code" != 200 ]; then
      echo "run.sh: $path answered $code, not 200" >&2
      failed=1
    fi
  done < <(endpoints "$year")
  if [ "$failed" -ne 0 ]; then tail -40 "$WORK/app.log" >&2; exit 1; fi
}

extra() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$EXTRAS"; }

# ---- the runs --------------------------------------------------------------------------------
for db in sqlite postgres; do
  has "$db" "$ONLY" || continue
  for scale in seed full; do
    has "$scale" "$SCALES" || continue
    prepare "$db" "$scale"
    year=$SEED_YEAR; [ "$scale" = full ] && year=$FULL_YEAR
    for cache in on off; do
      has "$cache" "$CACHES" || continue
      app_env "$db" "$scale" "$cache"
      start_app
      log "$db/$scale/cache $cache: ready in $READY_MS ms"
      extra "$db" "$scale" "startup_ms_cache_$cache" "$READY_MS"
      check_pages "$year"
      measure "$db" "$scale" "$cache" "$year"

      # The export and the import once per database at scale, on the last app run.
      last_cache=${CACHES##*,}
      if [ "$scale" = full ] && [ "$cache" = "$last_cache" ]; then
        if [ "$EXPORT" = 1 ]; then
          log "$db/$scale: export the whole statistics history as one CSV"
          while IFS='=' read -r k v; do extra "$db" "$scale" "$k" "$v"; done \
            < <(dotnet "$TOOL" export --url "$URL" --pid "$APP_PID")
        fi
        if [ "$IMPORT_ROWS" -gt 0 ]; then
          log "$db/$scale: import $IMPORT_ROWS statistics rows into $SEED_YEAR"
          dotnet "$TOOL" import-file --out "$WORK/import.csv" --rows "$IMPORT_ROWS" >/dev/null
          while IFS='=' read -r k v; do extra "$db" "$scale" "$k" "$v"; done \
            < <(dotnet "$TOOL" import --url "$URL" --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" --year "$SEED_YEAR" --file "$WORK/import.csv")
        fi
      fi
      stop_app
      extra "$db" "$scale" "peak_mb_cache_$cache" "$PEAK_MB"
    done
  done
done

# ---- the report ------------------------------------------------------------------------------
"$ROOT/benchmarks/report.sh" "$RESULTS" "$EXTRAS" "$DURATION" "$CONNECTIONS" "$FACTS" | tee benchmarks/results/latest.md
