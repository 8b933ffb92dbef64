#!/usr/bin/env bash
# The TUI's two figures, each beside its peer, in one run (Release builds; output in bench/data/, git-ignored):
#  (a) key press to drawn frame moving down a 1,000-row page: batchtui's batch list (headless driver, simulator with
#      >= 1,000 batches, page size 1000) beside a bare Terminal.Gui ListView;      target <= 10 ms
#  (b) process start to first frame: batchtui on a standalone simulator, in a tmux pty, beside a bare .NET console
#      app's start (bench/tui/Hello), median of N runs each;                      target <= 3x the bare start
#      Both are measured twice: as built (JIT, `dotnet build -c Release`) and as published native (Native AOT,
#      `dotnet publish -c Release -r linux-x64`, which needs clang: installed with apt-get when missing).
# Usage: bash bench/tui/run.sh [N]     (from anywhere; N defaults to 10)
#        APP_AOT=DIR bash bench/tui/run.sh [N]   reuses a native publish of src/BatchTui in DIR instead of publishing
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/bench/data/tui"
mkdir -p "$data"
port=$((20000 + RANDOM % 20000))
sock="batchtui-bench-$$"

build() { dotnet build -c Release "$1" -o "$2" -v q -nologo >"$data/build.log" 2>&1 || { cat "$data/build.log"; exit 1; }; }
publish() { dotnet publish -c Release -r linux-x64 -p:PublishAot=true "$1" -o "$2" -v q -nologo >"$data/publish.log" 2>&1 || { cat "$data/publish.log"; exit 1; }; }
if ! command -v clang >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq clang lld zlib1g-dev) >/dev/null 2>&1 || { echo "bench: Native AOT needs clang; apt-get failed" >&2; exit 1; }
fi
build "$root/src/BatchTui" "$data/app"
build "$root/bench/tui/Hello" "$data/hello"
build "$root/bench/tui/TuiBench" "$data/frames"
if [ -n "${APP_AOT:-}" ]; then rm -rf "$data/app-aot"; cp -r "$APP_AOT" "$data/app-aot"
else publish "$root/src/BatchTui" "$data/app-aot"; fi   # several minutes on 2 cores
publish "$root/bench/tui/Hello" "$data/hello-aot"

sim_pid=""
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
}
trap cleanup EXIT

# ---- (a) frames --------------------------------------------------------------------------------------------------
"$data/frames/TuiBench" 100 30 >"$data/frames.tsv"

# ---- (b) start-up ------------------------------------------------------------------------------------------------
"$data/app/batchtui" simulate --port "$port" --quiet >"$data/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/v1/messages/batches?limit=1" >/dev/null && break; sleep 0.1; done

# One start in a fresh 100x30 tmux pty. The shell stamps the wall clock right before exec; the program writes the
# wall clock into the probe file when its first frame is drawn (batchtui: FirstFrameProbe, then it quits) or when it
# is up (Hello). The difference is the figure, measured the same way for both (not the file's mtime: the kernel stamps
# that from a coarse clock, a few ms, which swamps a native Hello). batchtui's own reading (from the process start
# time, 10 ms resolution) is kept beside it.
start_once() { # name command...
  local name=$1; shift
  local probe="$data/$name.probe" stamp="$data/$name.t0"
  rm -f "$probe" "$stamp"
  tmux -L "$sock" new-session -d -x 100 -y 30 -e "BATCHTUI_BENCH_FIRST_FRAME=$probe" \
    "date +%s%N >'$stamp'; exec $*"
  for _ in $(seq 1 300); do [ -s "$probe" ] && break; sleep 0.05; done
  [ -s "$probe" ] || { echo "no first frame from $name" >&2; tmux -L "$sock" capture-pane -p >&2 || true; exit 1; }
  while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.05; done
  local t0 t1
  t0=$(cat "$stamp"); t1=$(cut -d' ' -f1 "$probe")
  echo "$(( (t1 - t0) / 1000 ))" >>"$data/$name.us"   # microseconds
  case $name in batchtui*) cut -d' ' -f2 "$probe" >>"$data/$name.self" ;; esac
  return 0
}

rm -f "$data"/*.us "$data"/*.self
env_app="HOME=$data/home XDG_CONFIG_HOME=$data/home ANTHROPIC_API_KEY=sk-bench-not-a-key TERM=xterm-256color"
mkdir -p "$data/home"
round() {
  start_once hello "$data/hello/Hello"
  start_once batchtui env $env_app "$data/app/batchtui" --base-url "http://127.0.0.1:$port"
  start_once hello-aot "$data/hello-aot/Hello"
  start_once batchtui-aot env $env_app "$data/app-aot/batchtui" --base-url "http://127.0.0.1:$port"
}
round # warm the disk cache for all four, not counted
rm -f "$data"/*.us "$data"/*.self
for _ in $(seq 1 "$runs"); do round; done

median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ms() { awk -v u="$1" 'BEGIN {printf "%.1f", u/1000}'; }
hello_med=$(median "$data/hello.us")
app_med=$(median "$data/batchtui.us")
self_med=$(median "$data/batchtui.self")
hello_aot_med=$(median "$data/hello-aot.us")
aot_med=$(median "$data/batchtui-aot.us")
aot_self_med=$(median "$data/batchtui-aot.self")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

# ---- the table ---------------------------------------------------------------------------------------------------
echo
printf '%-66s %10s %10s %10s %8s\n' "(a) key press to drawn frame, moving down" "median ms" "p95 ms" "max ms" "frames"
while IFS=$'\t' read -r kind what med p95 max n; do
  [ "$kind" = frame ] && printf '%-66s %10s %10s %10s %8s\n' "$what" "$med" "$p95" "$max" "$n"
done <"$data/frames.tsv"
printf '%-66s %10s\n' "target" "<= 10"
echo
printf '%-66s %10s\n' "(b) process start to first frame, median of $runs (tmux pty 100x30)" "ms"
printf '%-66s %10s\n' "batchtui native (AOT) on the simulator (list drawn)" "$(ms "$aot_med")"
printf '%-66s %10s\n' "batchtui as built (JIT) on the simulator (list drawn)" "$(ms "$app_med")"
printf '%-66s %10s\n' "peer: bare .NET console app (Hello, JIT) up" "$(ms "$hello_med")"
printf '%-66s %10s\n' "     the same Hello published native (AOT) up" "$(ms "$hello_aot_med")"
printf '%-66s %10s\n' "ratio batchtui native / bare Hello (target <= 3)" "$(ratio "$aot_med" "$hello_med")"
printf '%-66s %10s\n' "ratio batchtui as built / bare Hello" "$(ratio "$app_med" "$hello_med")"
printf '%-66s %10s\n' "ratio batchtui native / Hello native" "$(ratio "$aot_med" "$hello_aot_med")"
printf '%-66s %10s\n' "batchtui's own probe, native / as built (since process start, 10 ms ticks)" "$aot_self_med / $self_med"
