#!/usr/bin/env bash
# A results file's first screen as a user gets it from the installed tool: `batchtui open FILE` in a fresh 120x35 tmux
# pty, page cache dropped first (root only; WARM=1 keeps it), timed from the shell's clock stamp right before exec to
# the app's own stamp when the first frame with the file's rows is drawn (BATCHTUI_BENCH_FIRST_FRAME: the same probe
# bench/tui uses for the batch list; the app quits right after it). No polling, so nothing competes with the app for
# the two cores. Prints the milliseconds.
# Usage: bash bench/results/open-cold.sh BINARY FILE
set -euo pipefail
bin=$(realpath "$1"); file=$(realpath "$2")
sock="batchtui-open-cold-$$"
probe=$(mktemp -u); stamp=$(mktemp)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "$probe" "$stamp"' EXIT
if [ "$(id -u)" -eq 0 ] && [ -z "${WARM:-}" ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
tmux -L "$sock" new-session -d -x 120 -y 35 -e TERM=xterm-256color -e BATCHTUI_BENCH_FIRST_FRAME="$probe" \
  "date +%s%N >'$stamp'; exec '$bin' open '$file'"
for _ in $(seq 1 600); do [ -s "$probe" ] && break; sleep 0.05; done
[ -s "$probe" ] || { echo "no first screen of $file within 30 s" >&2; tmux -L "$sock" capture-pane -p >&2 || true; exit 1; }
t0=$(cat "$stamp"); t1=$(cut -d' ' -f1 "$probe")
echo $(( (t1 - t0) / 1000000 ))
