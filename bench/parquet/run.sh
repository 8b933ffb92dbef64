#!/usr/bin/env bash
# Parquet export at scale (issue 16, part 5), beside jq over the same JSONL, in one table:
#   batchtui export --cached DIR   over the seeded 100,000-result batch (bench/results' generator, ≥ 300 MiB)
#   jq -c . FILE > /dev/null       the same JSONL, parsed and re-printed
# wall time (median of N runs after one warm-up run per side), peak RSS (/usr/bin/time -v, the largest of the runs),
# sizes; then DuckDB reads the dataset back and its counts and token sums must equal the index's (exit 1 if not).
# The CLI runs as a user's would, on a cache laid out as `batchtui results` leaves it (the file hard-linked into
# a private XDG_CACHE_HOME under a fixed, unreachable origin: export reads the cache only, no network).
#
# Usage (from anywhere): bash bench/parquet/run.sh [--runs N]
set -euo pipefail

runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bash bench/parquet/run.sh [--runs N]" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/bench/data"   # git-ignored
out="$root/bench/out"     # git-ignored
mkdir -p "$data" "$out"

need=()
[ -x /usr/bin/time ] || need+=(time)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} …" >&2
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq >/dev/null && $sudo_ apt-get install -y -qq "${need[@]}" >/dev/null
fi

# ---- build (Release) -------------------------------------------------------------------------------------------------
echo "building batchtui, ResultsBench and ParquetCheck (Release) …" >&2
for p in src/BatchTui bench/results/ResultsBench bench/parquet/ParquetCheck; do
  dotnet build -c Release "$root/$p" -v q -nologo >"$out/parquet-build.log" 2>&1 || { cat "$out/parquet-build.log" >&2; exit 1; }
done
cli="$root/src/BatchTui/bin/Release/net10.0/batchtui"
gen="$root/bench/results/ResultsBench/bin/Release/net10.0/ResultsBench"
check="$root/bench/parquet/ParquetCheck/bin/Release/net10.0/ParquetCheck"

# ---- data: the same seeded file bench/results uses (regenerated when its generator changed) -------------------------
stamp=$(sha1sum "$root/bench/results/ResultsBench/Generator.cs" | cut -c1-12)
jsonl="$data/results-100k.jsonl"
if [ ! -f "$jsonl" ] || [ "$(cat "$jsonl.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "generating results-100k (100000 lines, ≥ 300 MiB) …" >&2
  rm -f "$jsonl.stamp"
  "$gen" gen "$jsonl" 100000 300 >/dev/null
  echo "$stamp" >"$jsonl.stamp"
fi

# ---- a private cache holding that file as one batch of the origin http://127.0.0.1:9 ------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/batchtui-parquet-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
origin="http://127.0.0.1:9"
# CacheScope.FolderName: host-port-<first 16 hex of sha256("scheme://host:port" + path + "\n" + workspace)>
hash=$(printf '%s\n' "$origin" | sha256sum | cut -c1-16)
scope="$work/cache/batchtui/results/127.0.0.1-9-$hash"
mkdir -p "$scope" "$work/config"
ln "$jsonl" "$scope/msgbatch_bench100k.jsonl" 2>/dev/null || cp "$jsonl" "$scope/msgbatch_bench100k.jsonl"
export HOME="$work" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
export ANTHROPIC_BASE_URL="$origin" ANTHROPIC_API_KEY="sk-ant-bench-never-sent" DOTNET_NOLOGO=1
unset BATCHTUI_CONFIG BATCHTUI_PROFILE
dataset="$work/dataset"

# measure NAME CMD...: one warm-up run, then $runs timed runs; prints "median_ms max_rss_mib"
measure() {
  local name=$1; shift
  "$@" >/dev/null 2>"$out/parquet-$name.err" || { cat "$out/parquet-$name.err" >&2; exit 1; }
  local times=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$out/parquet-$name.time"
    local ms kb
    ms=$(awk -F': ' '/Elapsed \(wall clock\)/ { n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.0f", s*1000 }' "$out/parquet-$name.time")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/parquet-$name.time")
    times+=("$ms"); [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$rss" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d %.0f\n", m, rss/1024}'
}

echo "timing export --cached and jq ($runs runs each after a warm-up) …" >&2
read -r pq_ms pq_rss < <(measure export "$cli" export --cached "$dataset")
read -r jq_ms jq_rss < <(measure jq jq -c . "$jsonl")
part="$dataset/batch_id=msgbatch_bench100k/part-0.parquet"
[ -f "$part" ] || { echo "no $part: the cache folder name did not match (CacheScope.FolderName changed?)" >&2; exit 1; }
jsonl_mib=$(du -bm "$jsonl" | cut -f1)
pq_mib=$(awk -v b="$(stat -c %s "$part")" 'BEGIN {printf "%.1f", b/1048576}')
lines=$(wc -l <"$jsonl")

echo "BatchTui Parquet export — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), median of $runs runs"
echo "input: $lines results, $jsonl_mib MiB of JSONL (bench/results generator, seed 42)"
printf '%-44s %10s %14s %12s\n' "" "wall" "peak RSS" "output"
printf '%-44s %8.2f s %10s MiB %8s MiB\n' "batchtui export --cached DIR (Parquet)" "$(awk -v m="$pq_ms" 'BEGIN {print m/1000}')" "$pq_rss" "$pq_mib"
printf '%-44s %8.2f s %10s MiB %12s\n' "jq -c . FILE > /dev/null" "$(awk -v m="$jq_ms" 'BEGIN {print m/1000}')" "$jq_rss" "-"
echo
"$check" "$jsonl" "$dataset/*/*.parquet"
