#!/usr/bin/env bash
# The soak of issue 13: the TUI's models (batch list, auto-refresh, create / cancel / delete) against the in-process
# simulator with chaos for one virtual hour on a fake clock (minutes of wall time at most). Prints a table of figures
# and exits non-zero when a check fails. Not part of the test run (not in BatchTui.sln).
# Usage (from anywhere): bash bench/soak/run.sh [--hours H] [--chaos RATE] [--accept-fail RATE] [--seed N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build -c Release -v q -nologo "$root/bench/soak/Soak/Soak.csproj" >/dev/null
exec dotnet "$root/bench/soak/Soak/bin/Release/net10.0/Soak.dll" "$@"
