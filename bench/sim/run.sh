#!/usr/bin/env bash
# How long the simulator takes to serve the seeded 100,000-result stream, beside a peer: the same bytes served as a
# static file by Python's http.server. Also the simulator's peak RSS before and after (memory should stay flat:
# lines are generated one by one, never held). Usage: bench/sim/run.sh [runs]   (from the repo root)
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/bench/data"            # git-ignored
mkdir -p "$data"
port=$((20000 + RANDOM % 20000)); peer_port=$((port + 1))

dotnet build -c Release "$root/src/BatchTui" -o "$data/sim-build" -v q -nologo >/dev/null
"$data/sim-build/batchtui" simulate --port "$port" --quiet >"$data/sim.log" 2>&1 &
sim_pid=$!
peer_pid=""
cleanup() { kill "$sim_pid" 2>/dev/null || true; [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true; }
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$base/v1/messages/batches?limit=1" >/dev/null && break; sleep 0.1; done

id=$(curl -sf "$base/v1/messages/batches?limit=1000" \
  | jq -r '.data[] | select(.request_counts.succeeded + .request_counts.errored + .request_counts.canceled + .request_counts.expired == 100000) | .id')
url="$base/v1/messages/batches/$id/results"
rss() { awk '/VmHWM/ {print $2}' "/proc/$sim_pid/status"; }
rss_before=$(rss)

curl -s "$url" -o "$data/large-results.jsonl"
lines=$(wc -l <"$data/large-results.jsonl")
bytes=$(stat -c %s "$data/large-results.jsonl")

(cd "$data" && exec python3 -m http.server "$peer_port" --bind 127.0.0.1 >/dev/null 2>&1) &
peer_pid=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$peer_port/" && break; sleep 0.1; done

best() { local u=$1 b=999; for _ in $(seq 1 "$runs"); do t=$(curl -s -o /dev/null -w '%{time_total}' "$u"); b=$(echo "$t $b" | awk '{print ($1<$2)?$1:$2}'); done; echo "$b"; }
ours=$(best "$url")
peer=$(best "http://127.0.0.1:$peer_port/large-results.jsonl")
rss_after=$(rss)

printf '%s lines, %.1f MiB, best of %s runs (curl -s -o /dev/null -w %%{time_total})\n' "$lines" "$(echo "$bytes/1048576" | bc -l)" "$runs"
printf '%-44s %10s\n' "what" "seconds"
printf '%-44s %10s\n' "simulator: generate + stream 100,000 results" "$ours"
printf '%-44s %10s\n' "peer: python3 http.server, same file static" "$peer"
printf '%-44s %10.2f\n' "ratio (simulator / static file)" "$(echo "$ours / $peer" | bc -l)"
printf 'simulator peak RSS: %s MiB before the first download, %s MiB after %s downloads\n' \
  "$((rss_before / 1024))" "$((rss_after / 1024))" "$((runs + 1))"
