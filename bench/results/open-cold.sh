#!/usr/bin/env bash
# A results file's first screen as a user gets it from the installed tool: `batchtui open FILE` in a fresh 120x35 tmux
# pty, page cache dropped first (root only), timed from the shell's clock stamp right before exec to the moment
# `tmux capture-pane` shows the custom_id of the file's ROW-th result (a screenful of rows drawn). Polling makes the
# figure up to ~5 ms late. Prints the milliseconds.
# Usage: bash bench/results/open-cold.sh BINARY FILE [ROW]     (ROW defaults to 11, the last row a 120x35 pty shows)
set -euo pipefail
bin=$(realpath "$1"); file=$(realpath "$2"); row=${3:-11}
sock="batchtui-open-cold-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
# The ROW-th non-blank line's custom_id, as the table shows it.
id=$(grep -v '^[[:space:]]*$' "$file" | sed -n "${row}p" | jq -r .custom_id)
stamp=$(mktemp)
if [ "$(id -u)" -eq 0 ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
tmux -L "$sock" new-session -d -x 120 -y 35 -e TERM=xterm-256color "date +%s%N >'$stamp'; exec '$bin' open '$file'"
t1=""
for _ in $(seq 1 4000); do
  if tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qF -- "$id"; then t1=$(date +%s%N); break; fi
  sleep 0.002
done
[ -n "$t1" ] || { echo "no first screen with $id" >&2; tmux -L "$sock" capture-pane -p >&2 || true; exit 1; }
t0=$(cat "$stamp"); rm -f "$stamp"
echo $(( (t1 - t0) / 1000000 ))
