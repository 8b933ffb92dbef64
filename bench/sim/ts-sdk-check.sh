#!/usr/bin/env bash
# Conformance check with a client that is not ours: the official TypeScript SDK against `batchtui simulate`.
# Needs node + npm. Usage (from the repo root): bench/sim/ts-sdk-check.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/bench/data/ts-sdk"            # git-ignored
mkdir -p "$dir"
[ -d "$dir/node_modules/@anthropic-ai/sdk" ] || (cd "$dir" && npm init -y >/dev/null && npm install --silent @anthropic-ai/sdk@1.10.0)
cp "$root/bench/sim/ts-sdk-check.mjs" "$dir/check.mjs"
port=$((20000 + RANDOM % 20000)); key="sim-key-$RANDOM"
dotnet build "$root/src/BatchTui" -v q -nologo >/dev/null
SIM_KEY=$key "$root/src/BatchTui/bin/Debug/net10.0/batchtui" simulate --port "$port" --key-env SIM_KEY --quiet >/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/v1/messages/batches" && break; sleep 0.1; done
node "$dir/check.mjs" "http://127.0.0.1:$port" "$key"
