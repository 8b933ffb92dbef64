#!/usr/bin/env bash
# The results browser at scale, beside its peers, in one table (issue 4, "Performance"):
#   index the whole file        vs  jq -c 'select(.result.type=="errored") | .custom_id', wc -l and grep -F -c
#                               (two files: Generator.cs's and WildGenerator.cs's, an independent writer)
#   full-text search            vs  grep -F -c NEEDLE   (a rare and a common needle)
#   time to first screen        (the real ResultsPane, headless)  beside  head -n ROWS
#   peak RSS indexing 1 GB      (/usr/bin/time -v)                beside  jq on the same file
# Each figure is the median of N timed runs, after one untimed run of each side (warm page cache and JIT for both).
# Generated data lives in bench/data/ (git-ignored) and is reused while the generator is unchanged; the 1 GB file is
# deleted at the end unless --keep-1g.
#
# Usage (from anywhere): bash bench/results/run.sh [--runs N] [--keep-1g] [--no-1g] [--index-only]
#   --index-only: just the full-index rows (both files), a few minutes
#   APP_NATIVE=path/to/batchtui (a native publish, e.g. bench/tui/native-smoke.sh's): adds the installed tool's rows,
#   the whole-file index (`open FILE --summary`) and the first screen (`open FILE`, bench/results/open-cold.sh)
set -euo pipefail

runs=3; keep_1g=0; with_1g=1; index_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --keep-1g) keep_1g=1; shift ;;
    --no-1g) with_1g=0; shift ;;
    --index-only) index_only=1; with_1g=0; shift ;;
    *) echo "usage: bash bench/results/run.sh [--runs N] [--keep-1g] [--no-1g] [--index-only]" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/bench/data"   # git-ignored
out="$root/bench/out"     # git-ignored: peers' outputs, logs
mkdir -p "$data" "$out"

# ---- tools -----------------------------------------------------------------------------------------------------------
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} …" >&2
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq >/dev/null && $sudo_ apt-get install -y -qq "${need[@]}" >/dev/null
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- build -----------------------------------------------------------------------------------------------------------
proj="$root/bench/results/ResultsBench"
echo "building ResultsBench (Release) …" >&2
dotnet build -c Release "$proj" -v q -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
bench="$proj/bin/Release/net10.0/ResultsBench"

# ---- data ------------------------------------------------------------------------------------------------------------
stamp=$(sha1sum "$proj/Generator.cs" | cut -c1-12)
gen() { # gen NAME LINES MiB -> path (regenerated when missing or the generator changed)
  local f="$data/$1.jsonl"
  if [ ! -f "$f" ] || [ "$(cat "$f.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "generating $1 ($2 lines, ≥ $3 MiB) …" >&2
    rm -f "$f.stamp"
    "$bench" gen "$f" "$2" "$3" >/dev/null
    echo "$stamp" >"$f.stamp"
  fi
  echo "$f"
}
f300=$(gen results-100k 100000 300)
# The second file: an independent writer (WildGenerator.cs), every line valid JSON but in varied styles and shapes.
wstamp=$(sha1sum "$proj/WildGenerator.cs" | cut -c1-12)
fwild="$data/results-wild.jsonl"
if [ ! -f "$fwild" ] || [ "$(cat "$fwild.stamp" 2>/dev/null)" != "$wstamp" ]; then
  echo "generating results-wild (≥ 300 MiB) …" >&2
  rm -f "$fwild.stamp"
  "$bench" gen-wild "$fwild" 300 >/dev/null
  echo "$wstamp" >"$fwild.stamp"
fi
f1g=""
[ "$with_1g" -eq 1 ] && f1g=$(gen results-1g 350000 1024)

# ---- timing helpers --------------------------------------------------------------------------------------------------
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# wall CMD...: untimed warm-up run, then the median wall time in ms of $runs runs (stdout to $out/last.txt)
wall() {
  "$@" >"$out/last.txt"
  local i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ms); "$@" >"$out/last.txt"; t1=$(now_ms)
    echo $((t1 - t0))
  done | median
}
kv() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" "$2"; }   # kv KEY FILE: a key=value from our bench's line
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }'; }
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f MiB", b / 1048576 }'; }
rows=()
row() { rows+=("$(printf '%s\t' "$@")"); }   # measure file ours peer peer_fig ratio target met

# ---- 1. full index vs jq, wc -l and grep -F -c (both files) ------------------------------------------------------------
echo "indexing, $runs runs each …" >&2
declare -A facts
index_rows() { # index_rows FILE LABEL
  local f=$1 label=$2 ours inproc nrows err bad jq_ms jq_err wc_ms lines g_ms r_jq r_wc r_g
  ours=$(wall "$bench" index "$f"); cp "$out/last.txt" "$out/ours-index-$label.txt"
  inproc=$(kv ms "$out/ours-index-$label.txt"); nrows=$(kv rows "$out/ours-index-$label.txt")
  err=$(kv errored "$out/ours-index-$label.txt"); bad=$(kv unparseable "$out/ours-index-$label.txt")
  jq_ms=$(wall jq -c 'select(.result.type=="errored") | .custom_id' "$f"); jq_err=$(wc -l <"$out/last.txt")
  wc_ms=$(wall wc -l "$f"); lines=$(awk '{print $1}' "$out/last.txt")
  g_ms=$(wall grep -F -c errored "$f")
  r_jq=$(ratio "$jq_ms" "$ours"); r_wc=$(ratio "$ours" "$wc_ms"); r_g=$(ratio "$ours" "$g_ms")
  row "full index (wall, incl. .NET start)" "$label" "$ours ms" "jq select errored" "$jq_ms ms" "${r_jq}× faster" "≥ 10× faster" \
    "$(awk -v r="$r_jq" 'BEGIN{print (r>=10)?"yes":"NO"}')"
  row "full index (wall, incl. .NET start)" "$label" "$ours ms" "wc -l" "$wc_ms ms" "${r_wc}× wc" "≤ 3× wc -l" \
    "$(awk -v r="$r_wc" 'BEGIN{print (r<=3)?"yes":"NO"}')"
  row "full index (wall, incl. .NET start)" "$label" "$ours ms" "grep -F -c errored" "$g_ms ms" "${r_g}× grep" "(info)" "-"
  row "  same, inside the process" "$label" "$inproc ms" "-" "-" "-" "(info)" "-"
  if [ -n "${APP_NATIVE:-}" ]; then
    # The installed tool (native AOT) indexing the whole file as a user runs it: `batchtui open FILE --summary`.
    local nat nat_err r_nat
    nat=$(wall "$APP_NATIVE" open "$f" --summary)
    nat_err=$(grep -o '[0-9,]* errored' "$out/last.txt" | head -1 | tr -d ', errored')
    r_nat=$(ratio "$jq_ms" "$nat")
    row "full index, native tool (open --summary; $nat_err errored)" "$label" "$nat ms" "jq select errored" "$jq_ms ms" "${r_nat}× faster" \
      "≥ 10× faster" "$(awk -v r="$r_nat" -v a="$nat_err" -v b="$jq_err" 'BEGIN{print (r>=10 && a==b)?"yes":"NO"}')"
    row "full index, native tool (open --summary)" "$label" "$nat ms" "wc -l" "$wc_ms ms" "$(ratio "$nat" "$wc_ms")× wc" "≤ 3× wc -l" \
      "$(awk -v r="$(ratio "$nat" "$wc_ms")" 'BEGIN{print (r<=3)?"yes":"NO"}')"
  fi
  facts[$label]="$(mib "$f"), $lines lines, $nrows results ($err errored, $bad unparseable; jq finds $jq_err errored)"
}
index_rows "$f300" 300M
index_rows "$fwild" wild

# ---- 2. full-text search vs grep -F -c -------------------------------------------------------------------------------
[ "$index_only" -eq 1 ] || echo "searching …" >&2
[ "$index_only" -eq 1 ] || for needle in "max_uses_exceeded" "thundering-herd"; do
  "$bench" search "$f300" "$needle" "$runs" >"$out/ours-search.txt"
  s_ms=$(kv ms "$out/ours-search.txt"); s_hits=$(kv hits "$out/ours-search.txt")
  g_ms=$(wall grep -F -c "$needle" "$f300"); g_hits=$(cat "$out/last.txt")
  r=$(ratio "$s_ms" "$g_ms")
  same=$([ "$s_hits" = "$g_hits" ] && echo "" || echo " (hits differ: $s_hits vs $g_hits)")
  row "search \"$needle\" ($s_hits lines)$same" 300M "$s_ms ms" "grep -F -c" "$g_ms ms" "${r}× grep" "≤ 2× grep" \
    "$(awk -v r="$r" 'BEGIN{print (r<=2)?"yes":"NO"}')"
done

# ---- 3. time to first screen ---------------------------------------------------------------------------------------
[ "$index_only" -eq 1 ] || echo "first screen …" >&2
# "cold": the first open in a fresh process with the page cache dropped first (root only), as after a reboot.
drop_caches() { if [ "$(id -u)" -eq 0 ]; then sync; echo 3 >/proc/sys/vm/drop_caches; echo "dropped"; else echo "not dropped (not root)"; fi; }
fs() { # fs FILE LABEL
  cache_note=$(drop_caches)
  "$bench" first-screen "$1" "$runs" >"$out/ours-first.txt"
  local ms cold n h
  ms=$(kv ms "$out/ours-first.txt"); cold=$(kv cold_ms "$out/ours-first.txt")
  n=$(sed -n 's/.*row="row \([0-9]*\) .*/\1/p' "$out/ours-first.txt")
  h=$(wall head -n "$n" "$1")
  row "first screen ($n rows, real ResultsPane)" "$2" "$ms ms" "head -n $n" "$h ms" "-" "≤ 300 ms" \
    "$(awk -v m="$ms" 'BEGIN{print (m<=300)?"yes":"NO"}')"
  row "  same, first open in a fresh process (JIT, page cache $cache_note)" "$2" "$cold ms" "-" "-" "-" "(info)" "-"
}
[ "$index_only" -eq 0 ] && fs "$f300" 300M
[ "$index_only" -eq 0 ] && fs "$fwild" wild
[ -n "$f1g" ] && fs "$f1g" 1G
# The installed tool (native AOT) as a user starts it: APP_NATIVE=path/to/batchtui (e.g. bench/data/native/app/batchtui).
if [ -n "${APP_NATIVE:-}" ] && [ "$index_only" -eq 0 ]; then
  for f in "$f300" "$fwild"; do
    ms=$(for ((i = 0; i < runs; i++)); do bash "$root/bench/results/open-cold.sh" "$APP_NATIVE" "$f"; done | median)
    row "first screen, native tool, process start → rows drawn (cold)" "$([ "$f" = "$f300" ] && echo 300M || echo wild)" "$ms ms" "-" "-" "-" "≤ 300 ms" \
      "$(awk -v m="$ms" 'BEGIN{print (m<=300)?"yes":"NO"}')"
  done
fi

# ---- 4. peak RSS indexing 1 GB ---------------------------------------------------------------------------------------
if [ -n "$f1g" ]; then
  echo "peak RSS on 1 GB …" >&2
  rss() { /usr/bin/time -v "$@" 2>"$out/time-v.txt" >"$out/last.txt"; awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out/time-v.txt"; }
  ours_rss=$(rss "$bench" index "$f1g"); rows_1g=$(kv rows "$out/last.txt")
  jq_rss=$(rss jq -c 'select(.result.type=="errored") | .custom_id' "$f1g")
  row "peak RSS, index 1 GB ($rows_1g rows)" 1G "$ours_rss MB" "jq select errored" "$jq_rss MB" "-" "≤ 200 MB" \
    "$(awk -v m="$ours_rss" 'BEGIN{print (m<=200)?"yes":"NO"}')"
fi

# ---- the table -------------------------------------------------------------------------------------------------------
echo
echo "BatchTui results benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), median of $runs runs after one warm-up run per side"
echo "machine: $(nproc) cores (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo), .NET $(dotnet --version), $(jq --version), $(grep --version | head -1)"
echo "load average (1/5/15 min): $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end — other work on the machine slows both sides"
echo "300M = $f300: ${facts[300M]}"
echo "wild = $fwild: ${facts[wild]}"
[ -n "$f1g" ] && echo "1G   = $f1g: $(mib "$f1g"), $(wc -l <"$f1g") lines"
echo
{
  printf 'measure\tfile\tours\tpeer\tpeer figure\tratio\ttarget\tmet\n'
  printf '%s\n' "${rows[@]}"
} | column -t -s $'\t'
echo
echo "notes: our index time is the whole process (.NET start included), JIT build as bench/results builds it; 'inside the process' is the pass alone;"
echo "       'native tool' rows are the installed tool (APP_NATIVE), start included."
echo "       search is timed inside the process over an index built beforehand (as '/' runs in the app); grep is the whole process."

[ -n "$f1g" ] && [ "$keep_1g" -eq 0 ] && rm -f "$f1g" "$f1g.stamp"
exit 0
