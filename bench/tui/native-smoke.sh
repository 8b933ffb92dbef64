#!/usr/bin/env bash
# The native (Native AOT) build, checked as a user runs it. Not in CI: the publish alone takes 7+ minutes on 2 cores.
#  1. every CLI call the SDK is used for, standard and beta namespace, against a standalone simulator: list, create,
#     error answers (401, chaos 429/5xx), no connection; any "missing native code" (a model or converter the
#     trimmer dropped, see src/BatchTui/Aot.rd.xml) fails the run
#  2. the end-to-end tests (tests/BatchTui.Tests/EndToEnd) with the native executable in tmux: list, paging, cancel,
#     delete, --read-only, 80x24, help, Ctrl+C restores the terminal
# Usage: bash bench/tui/native-smoke.sh [BINARY]   (without BINARY it publishes to bench/data/native/)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/bench/data/native"
mkdir -p "$data"
if [ $# -ge 1 ]; then
  bin=$(realpath "$1")
else
  if ! command -v clang >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq clang lld zlib1g-dev) >/dev/null 2>&1 || { echo "native: needs clang; apt-get failed" >&2; exit 1; }
  fi
  echo "publishing (several minutes)…"
  dotnet publish "$root/src/BatchTui" -c Release -r linux-x64 -o "$data/app" -v q -nologo >"$data/publish.log" 2>&1 \
    || { tail -20 "$data/publish.log"; exit 1; }
  bin="$data/app/batchtui"
fi
echo "binary: $bin ($(du -h "$bin" | cut -f1))"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
sim() { # port args... : the native binary's own simulator
  local port=$1; shift
  "$bin" simulate --port "$port" --quiet "$@" >"$data/sim-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.1; done
  echo "simulator on $port did not start" >&2; exit 1
}
base=$((20000 + RANDOM % 20000))
sim "$base"
sim $((base + 1)) --key sk-native-smoke
sim $((base + 2)) --chaos 0.8

export HOME="$data/home" XDG_CONFIG_HOME="$data/home/.config" XDG_STATE_HOME="$data/home/.state"
mkdir -p "$HOME"
req="$data/requests.jsonl"
printf '%s\n' '{"custom_id":"n1","params":{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}}' \
  '{"custom_id":"n2","params":{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hello"}]}}' >"$req"

passed=0 failed=0
check() { # name expected-regex command...
  local name=$1 want=$2; shift 2
  local out
  out=$("$@" 2>&1 || true)
  if grep -q "missing native code" <<<"$out" || ! grep -Eq "$want" <<<"$out"; then
    failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' <<<"$out" | head -8
  else
    passed=$((passed + 1)); echo "ok   $name"
  fi
}
url() { echo "--base-url http://127.0.0.1:$1"; }
k="ANTHROPIC_API_KEY=sk-native-smoke"
# shellcheck disable=SC2046
{
check "list"                 'msgbatch_'                      env $k "$bin" list $(url "$base")
check "list, beta namespace" 'msgbatch_'                      env $k "$bin" list --beta message-batches-2024-09-24 $(url "$base")
check "create"               'submitted|created|msgbatch_'     env $k "$bin" create "$req" --yes $(url "$base")
check "create, beta"         'submitted|created|msgbatch_'     env $k "$bin" create "$req" --yes --beta message-batches-2024-09-24 $(url "$base")
check "wrong key: 401"       'authentication_error'           env ANTHROPIC_API_KEY=sk-wrong "$bin" list $(url $((base + 1)))
check "right key"            'msgbatch_'                      env $k "$bin" list $(url $((base + 1)))
check "chaos: retried or a clear error" 'msgbatch_|_error|overloaded' env $k "$bin" list $(url $((base + 2)))
check "chaos, beta"          'msgbatch_|_error|overloaded'    env $k "$bin" list --beta message-batches-2024-09-24 $(url $((base + 2)))
check "no connection"        'could not connect'              env $k "$bin" list --base-url http://127.0.0.1:1
ended=$(curl -s "http://127.0.0.1:$base/v1/messages/batches?limit=100" | grep -o '"id":"msgbatch_[^"]*","type":"message_batch","processing_status":"ended"' | head -1 | cut -d'"' -f4)
curl -s "http://127.0.0.1:$base/v1/messages/batches/$ended/results" >"$data/results.jsonl"
printf '%s\n' '{"custom_id":"odd","result":{"type":"succeeded","message":{"content":[{"type":"brand_new_block"}]}}}' '{"trunc' >>"$data/results.jsonl"
check "open a results file (unknown block, truncated line)" '[0-9]+ results:' "$bin" open "$data/results.jsonl" --summary
}
echo "cli: $passed passed, $failed failed"

echo "end-to-end tests with the native executable…"
BATCHTUI_E2E_EXE="$bin" dotnet test "$root/tests/BatchTui.Tests" --filter "FullyQualifiedName~EndToEnd" -v q -nologo 2>&1 \
  | grep -E "Passed!|Failed!|\[FAIL\]" || true
[ "$failed" -eq 0 ]
