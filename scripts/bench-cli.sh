#!/usr/bin/env bash
# Start-up benchmark of the jdocker CLI next to curl and (if installed) the docker CLI.
#   scripts/bench-cli.sh [-H unix:///run/jdocker.sock] [-n 30]
# Prints median/min/max wall time per command. Uses hyperfine when installed, else a date loop.
# Goal: `jdocker images` median under 100 ms (build the AOT cache first: scripts/cli-aot.sh).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
host="unix:///run/jdocker.sock"
runs=30
while getopts "H:n:" opt; do
  case "$opt" in
    H) host="$OPTARG" ;;
    n) runs="$OPTARG" ;;
    *) echo "usage: $0 [-H unix:///path.sock] [-n runs]" >&2; exit 2 ;;
  esac
done
socket="${host#unix://}"
[[ -S "$socket" ]] || { echo "bench-cli: no socket at $socket" >&2; exit 1; }
jdocker="$root/scripts/launchers/jdocker"
[[ -x "$root/bin/jdocker" ]] && jdocker="$root/bin/jdocker"
[[ -f "$root/jdocker-cli/target/jdocker.aot" ]] || echo "bench-cli: no AOT cache; run scripts/cli-aot.sh for the real numbers" >&2

# The version jdocker itself would use: min(1.44, the ping's Api-Version).
api="$(curl -sfI --unix-socket "$socket" http://localhost/_ping | tr -d '\r' | awk -F': ' 'tolower($1)=="api-version"{print $2}')"
api="$(printf '%s\n1.44\n' "${api:-1.24}" | sort -V | head -1)"
names=("jdocker version" "jdocker images" "jdocker ps -a" "curl /_ping" "curl /v$api/images/json")
cmds=("$jdocker -H $host version"
      "$jdocker -H $host images"
      "$jdocker -H $host ps -a"
      "curl -sf --unix-socket $socket http://localhost/_ping"
      "curl -sf --unix-socket $socket http://localhost/v$api/images/json")
if command -v docker > /dev/null; then
  names+=("docker images" "docker ps -a")
  cmds+=("docker -H $host images" "docker -H $host ps -a")
fi

# Median, min and max of the numbers (ms) on stdin.
stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%8.1f %8.1f %8.1f\n", m, a[1], a[NR]}'; }

printf "%-26s %8s %8s %8s   (ms, %d runs)\n" "command" "median" "min" "max" "$runs"
for i in "${!cmds[@]}"; do
  if ! ${cmds[$i]} > /dev/null 2>&1; then
    printf "%-26s %s\n" "${names[$i]}" "FAILED: ${cmds[$i]}"
    continue
  fi
  if command -v hyperfine > /dev/null; then
    json="$(mktemp)"
    hyperfine -N -w 3 -r "$runs" --export-json "$json" "${cmds[$i]}" > /dev/null 2>&1
    line="$(jq -r '.results[0].times[] * 1000' "$json" | stats)"
    rm -f "$json"
  else
    for _ in 1 2 3; do ${cmds[$i]} > /dev/null 2>&1 || true; done
    line="$(for _ in $(seq "$runs"); do
      s=$(date +%s%N); ${cmds[$i]} > /dev/null 2>&1 || true; e=$(date +%s%N)
      echo "scale=3; ($e - $s) / 1000000" | bc
    done | stats)"
  fi
  printf "%-26s %s\n" "${names[$i]}" "$line"
done
