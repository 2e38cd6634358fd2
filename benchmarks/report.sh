#!/usr/bin/env bash
# Turns the measurements of benchmarks/run.sh into the Markdown of docs/performance.md:
#   benchmarks/report.sh RESULTS.tsv EXTRAS.tsv DURATION CONNECTIONS FACTS
# RESULTS: db, data set, cache, endpoint, path, req/s, p50 ms, p99 ms, non-2xx (one line per wrk run).
# EXTRAS:  db, data set, key, value (start-up, peak memory, export and import figures).
# Kept apart from run.sh so a saved run (benchmarks/results/latest*.tsv) can be printed again.
set -euo pipefail
results=$1 extras=$2 duration=$3 connections=$4 facts=$5
cd "$(dirname "$0")/.."

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src benchmarks 2>/dev/null || commit="$commit (with uncommitted changes)"
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal:/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)

cat <<EOF
## Results of $(date -u +%Y-%m-%d) at commit $commit

Machine: $(nproc) cores ($cpu), $mem, shared with other work; wrk and the database on the same
cores as the app. wrk -t2 -c$connections -d${duration}s per endpoint. Scale: $(printf "%'d" "$facts" 2>/dev/null || echo "$facts") statistic facts.

EOF

awk -F'\t' -v extras="$extras" '
function key(db, scale, cache) { return db "|" scale "|" cache }
function label(db) { return db == "sqlite" ? "SQLite" : "PostgreSQL" }
function dataset(s) { return s == "seed" ? "seed data" : "at scale" }
# The goals of issue 6 for the anonymous published pages and API.
function goal_endpoint(name) {
  return name == "indicator table" || name == "indicator page" || name == "statistics page" || name == "summary API" || name == "indicators API"
}
BEGIN {
  while ((getline line < extras) > 0) { split(line, e, "\t"); extra[e[1] "|" e[2] "|" e[3]] = e[4]; dbs[e[1]] = 1 }
}
{
  k = key($1, $2, $3)
  if (!(k in seen)) { seen[k] = 1; order[++n] = k }
  rows[k, ++count[k]] = $0
  if ($4 ~ /^trivial/) { trivial_rps[k] = $6; trivial_p99[k] = $8 }
  p50[$1 "|" $2 "|" $3 "|" $4] = $7; p99[$1 "|" $2 "|" $3 "|" $4] = $8
  names[$4] = ++name_order[$4] == 1 ? ++nn : names[$4]; name_at[names[$4]] = $4
}
END {
  for (i = 1; i <= n; i++) {
    split(order[i], part, "|"); db = part[1]; scale = part[2]; cache = part[3]; k = order[i]
    printf "### %s, %s, output cache %s\n\n", label(db), dataset(scale), cache
    printf "Start-up to ready: %s ms. Peak memory of the app (VmHWM): %s MB.\n\n", extra[db "|" scale "|startup_ms_cache_" cache], extra[db "|" scale "|peak_mb_cache_" cache]
    print "| endpoint | path | req/s | % of trivial | p50 ms | p99 ms | p99 × trivial | non-2xx | goal |"
    print "|---|---|---:|---:|---:|---:|---:|---:|---|"
    for (r = 1; r <= count[k]; r++) {
      split(rows[k, r], f, "\t")
      share = trivial_rps[k] > 0 ? 100 * f[6] / trivial_rps[k] : 0
      times = trivial_p99[k] > 0 ? f[8] / trivial_p99[k] : 0
      verdict = ""
      if (goal_endpoint(f[4])) {
        need = cache == "on" ? 40 : 5
        verdict = share >= need ? "met" : sprintf("missed: < %d%%", need)
        if (cache == "on" && f[8] > 25) verdict = (verdict == "met" ? "missed:" : verdict ",") " p99 > 25 ms"
      }
      if (f[6] == 0) {
        # wrk counts only answers that arrive within the run: none means each took longer than it.
        if (goal_endpoint(f[4])) verdict = "missed: no answer within the run"
        printf "| %s | `%s` | 0 | 0%% | none | none | - | %s | %s |\n", f[4], f[5], f[9], verdict
        continue
      }
      printf "| %s | `%s` | %.0f | %.1f%% | %.2f | %.2f | %.1f | %s | %s |\n", f[4], f[5], f[6], share, f[7], f[8], times, f[9], verdict
    }
    print ""
  }

  # Scale against seed, for every database and cache setting measured on both.
  header = 0
  for (i = 1; i <= n; i++) {
    split(order[i], part, "|"); db = part[1]; scale = part[2]; cache = part[3]
    if (scale != "seed" || !(key(db, "full", cache) in seen)) continue
    if (!header) {
      print "### Latency at scale against seed data (goal: at most 2×)\n"
      print "| database | cache | endpoint | p50 seed | p50 scale | × | p99 seed | p99 scale | × | goal |"
      print "|---|---|---|---:|---:|---:|---:|---:|---:|---|"
      header = 1
    }
    for (j = 1; j <= nn; j++) {
      name = name_at[j]; ks = db "|seed|" cache "|" name; kf = db "|full|" cache "|" name
      if (!(ks in p50) || !(kf in p50)) continue
      if (p50[kf] == 0) {
        printf "| %s | %s | %s | %.2f | none | - | %.2f | none | - | missed: no answer within the run at scale |\n", label(db), cache, name, p50[ks], p99[ks]
        continue
      }
      r50 = p50[ks] > 0 ? p50[kf] / p50[ks] : 0; r99 = p99[ks] > 0 ? p99[kf] / p99[ks] : 0
      printf "| %s | %s | %s | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %s |\n", label(db), cache, name, p50[ks], p50[kf], r50, p99[ks], p99[kf], r99, (r50 <= 2 && r99 <= 2) ? "met" : "missed"
    }
  }
  if (header) print ""

  header = 0
  for (db in dbs) {
    if (!((db "|full|export_rows") in extra) && !((db "|full|import_total_s") in extra)) continue
    if (!header) {
      print "### Export and import at scale\n"
      print "| database | CSV export: rows | rows/s (goal ≥ 200,000) | MB | app RSS before → peak MB | growth MB (goal < 100) | import rows | upload+validate s | confirm s | import total s (goal ≤ 20 on PostgreSQL) |"
      print "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|"
      header = 1
    }
    p = db "|full|"
    printf "| %s | %s | %s | %s | %s → %s | %s | %s | %s | %s | %s |\n", label(db), extra[p "export_rows"], extra[p "export_rows_per_s"], extra[p "export_mb"], extra[p "export_rss_before_mb"], extra[p "export_rss_peak_mb"], extra[p "export_rss_growth_mb"], extra[p "import_rows"], extra[p "import_upload_s"], extra[p "import_confirm_s"], extra[p "import_total_s"]
  }
  if (header) print ""
}' "$results"
