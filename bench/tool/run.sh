#!/usr/bin/env bash
# The .NET tool (issue 17) as a user gets it: pack the packages, install them into a temporary tool path from a
# folder feed, run the installed command. Not in CI: packing the native package alone takes ~10 minutes on 2 cores.
#  - `batchtui` (points at the per-platform packages) + `batchtui.linux-x64` (Native AOT): install, --help, `list`
#    against a standalone `batchtui simulate`, the TUI's first screen in tmux, `dotnet dnx batchtui`
#  - the framework-dependent fallback (`batchtui.any`), as a platform without its own package gets it: install from
#    a feed whose pointer lists only `any`, then --help and `list`
# Usage: bash bench/tool/run.sh [PACKAGES_DIR]   (a folder already holding the three .nupkg skips the native pack)
# Be kind to a shared machine: `nice -n 19 bash bench/tool/run.sh`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/batchtui-tool.XXXXXX)
session="batchtui-tool-$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

pack() { # log-name args...: one `dotnet pack` of the app, its log kept for a failure
  local name=$1; shift
  local t0=$SECONDS
  dotnet pack "$root/src/BatchTui" -nologo -v q "$@" >"$work/pack-$name.log" 2>&1 || { tail -20 "$work/pack-$name.log"; exit 1; }
  echo "packed $name in $((SECONDS - t0)) s"
}
if [ $# -ge 1 ]; then
  pkgs=$(realpath "$1")
else
  pkgs="$work/packages"
  if ! command -v clang >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq clang lld zlib1g-dev) >/dev/null 2>&1 || { echo "tool: native pack needs clang; apt-get failed" >&2; exit 1; }
  fi
  pack "batchtui (pointer)" -o "$pkgs"
  pack "batchtui.any" -r any -o "$pkgs"
  pack "batchtui.linux-x64 (native, several minutes)" -r linux-x64 -o "$pkgs"
fi
# The fallback feed: the same `any` package behind a pointer that lists no native package.
anyfeed="$work/any-feed"
pack "pointer listing only any" -o "$anyfeed" -p:ToolPackageRuntimeIdentifiers=any
cp "$pkgs"/batchtui.any.*.nupkg "$anyfeed/"

echo "packages:"
for f in "$pkgs"/batchtui*.nupkg; do awk -v n="$(basename "$f")" -v b="$(stat -c %s "$f")" 'BEGIN { printf "  %-36s %7.1f MB\n", n, b / 1048576 }'; done

# A private package cache: a package re-packed under the same version must not be served from ~/.nuget/packages.
export NUGET_PACKAGES="$work/nuget" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_STATE_HOME="$work/home/.state" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME"

passed=0 failed=0
check() { # name expected-regex command...
  local name=$1 want=$2; shift 2
  local out
  out=$("$@" 2>&1 || true)
  if grep -Eq "$want" <<<"$out"; then
    passed=$((passed + 1)); echo "PASS $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' <<<"$out" | head -8
  fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
sim() { # executable: a standalone simulator on a free port; prints the port
  local port; port=$(free_port)
  "$1" simulate --port "$port" --quiet >"$work/sim-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && { echo "$port"; return 0; }; sleep 0.1; done
  echo "simulator on $port did not start: $(cat "$work/sim-$port.log")" >&2; return 1
}
cli() { # base-url executable args...: the CLI pointed at a simulator the way the README says
  local url=$1; shift
  env ANTHROPIC_BASE_URL="$url" ANTHROPIC_API_KEY=sk-tool-bench "$@"
}

echo "install (native, from $pkgs):"
tools="$work/tools"
check "dotnet tool install --tool-path" "successfully installed" dotnet tool install --tool-path "$tools" batchtui --source "$pkgs"
bin="$tools/batchtui"
real=$(find "$tools/.store" -type f -name batchtui -perm -u+x | head -1)
native() { [ -n "$real" ] && head -c 4 "$real" | grep -q ELF && echo "native: ${real#"$tools"/} ($(du -h "$real" | cut -f1))"; }
check "the installed command is the native executable" "^native: " native
check "--help" "usage: batchtui" "$bin" --help
port=$(sim "$bin")
check "list against \`batchtui simulate\`" "msgbatch_" cli "http://127.0.0.1:$port" "$bin" list --limit 5
newest=$(curl -s "http://127.0.0.1:$port/v1/messages/batches?limit=1" | grep -o 'msgbatch_[A-Za-z0-9]*' | head -1)
tui() { # the first screen: the page heading and the newest batch drawn, then q
  tmux new-session -d -s "$session" -x 120 -y 35 \
    "env ANTHROPIC_BASE_URL=http://127.0.0.1:$port ANTHROPIC_API_KEY=sk-tool-bench TERM=xterm-256color '$bin'"
  local screen="" drawn=no
  for _ in $(seq 1 150); do
    screen=$(tmux capture-pane -p -t "$session" 2>/dev/null || true)
    if grep -q "Batches · page 1" <<<"$screen" && grep -q "$newest" <<<"$screen"; then drawn=yes; break; fi
    sleep 0.1
  done
  tmux send-keys -t "$session" q
  local quit=no
  for _ in $(seq 1 50); do tmux has-session -t "$session" 2>/dev/null || { quit=yes; break; }; sleep 0.1; done
  echo "list drawn: $drawn, q quit: $quit"
  [ "$drawn" = yes ] || echo "$screen"
}
check "TUI first screen in tmux (list drawn, q quits)" "list drawn: yes, q quit: yes" tui
check "dotnet dnx batchtui (one-off run)" "usage: batchtui" dotnet dnx batchtui --yes --source "$pkgs" -- --help

echo "install (framework-dependent fallback, batchtui.any):"
tools_any="$work/tools-any"
check "dotnet tool install --tool-path" "successfully installed" dotnet tool install --tool-path "$tools_any" batchtui --source "$anyfeed"
check "the installed tool runs on the shared framework" "batchtui.dll" find "$tools_any/.store" -name batchtui.dll
check "--help" "usage: batchtui" "$tools_any/batchtui" --help
check "list against \`batchtui simulate\`" "msgbatch_" cli "http://127.0.0.1:$port" "$tools_any/batchtui" list --limit 5

echo "tool: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
