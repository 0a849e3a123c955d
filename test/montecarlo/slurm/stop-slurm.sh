#!/usr/bin/env bash
# Stops the daemons start-slurm.sh started under DIR, by the process ids they wrote there:
# SIGTERM, then SIGKILL for any still running after five seconds.
dir=$(realpath "$1")
pids=()
for name in slurmd slurmctld munged; do
  pidfile="$dir/$name.pid"
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null && pids+=("$pid")
  fi
done
for _ in $(seq 1 50); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && exit 0
  sleep 0.1
done
for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
exit 0
