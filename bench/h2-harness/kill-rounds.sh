#!/usr/bin/env bash
# ROUNDS rounds on one H2 file: start a writer, SIGKILL it after 8-20 s, check that every commit it
# acknowledged is in the file. Usage: kill-rounds.sh ROUNDS RETENTION_MS H2_JAR
set -euo pipefail
cd "$(dirname "$0")"
rounds=$1 retention=$2 h2=$3
work=$(mktemp -d)
for i in $(seq 1 "$rounds"); do
  java -cp "$h2" H2KillCheck.java child "$work/kill" "$retention" >> "$work/acks.txt" 2> "$work/child.err" &
  pid=$!
  pause=$((8 + RANDOM % 13)); sleep "$pause"; kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  echo -n "round $i after ${pause}s: "
  java -cp "$h2" H2KillCheck.java check "$work/kill" "$work/acks.txt"
done
ls -la "$work"/kill.mv.db
rm -rf "$work"
