# Timing and table helpers shared by the benchmarks (scripts/bench*.sh).
# Source it after lib.sh: . "$(dirname "$0")/bench-lib.sh"

# Prints "median min max" (ms) of the numbers on stdin.
stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f %.1f %.1f", m, a[1], a[NR]}'; }
now_ns() { date +%s%N; }
# Milliseconds since a now_ns value; bash subtracts first, as awk's doubles would round the epoch.
ms_since() { local e; e=$(now_ns); echo $(( (e - $1) / 1000 )) | awk '{printf "%.3f\n", $1/1000}'; }

# time_runs N cmd... -> stats of N timed runs after 2 warm-ups
time_runs() {
  local n="$1"; shift
  "$@" >/dev/null 2>&1 || true; "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$n"); do
    local s
    s=$(now_ns); "$@" >/dev/null 2>&1; ms_since "$s"
  done | stats
}

# time_prepared N PREPARE cmd... -> sets $timed to the stats of N timed runs of cmd, each after
# an untimed PREPARE (a command or function), following one untimed warm-up (prepare + run) so a
# JVM daemon is past its JIT. For slow operations, where a failed run must not pass for a fast
# one: a failing cmd makes $timed "FAILED" (its output goes to stderr); a failing PREPARE returns
# 1, which stops a set -e script (errexit is off inside PREPARE: it must return its own
# failures). It sets a variable instead of printing so that it runs in this shell, not in a
# $(...) subshell: PREPARE may start processes (a registry) that the script must be able to stop.
time_prepared() {
  # Prefixed locals: bash scoping is dynamic, so PREPARE would see (and could change) plain ones.
  local tp_runs="$1" tp_prepare="$2"; shift 2
  local tp_out tp_start tp_i tp_times=()
  # In the script's work dir when it has one: its cleanup then removes what an interrupted run leaves.
  tp_out="$(mktemp -p "${work:-/tmp}")"
  timed=FAILED
  for ((tp_i = 0; tp_i <= tp_runs; tp_i++)); do
    "$tp_prepare" >/dev/null || { printf '%s failed\n' "$tp_prepare" >&2; rm -f "$tp_out"; return 1; }
    tp_start=$(now_ns)
    if ! "$@" >"$tp_out" 2>&1; then
      printf '%s failed:\n' "$*" >&2; cat "$tp_out" >&2; rm -f "$tp_out"; return 0
    fi
    [ "$tp_i" -eq 0 ] || tp_times+=("$(ms_since "$tp_start")")
  done
  rm -f "$tp_out"
  timed="$(printf '%s\n' "${tp_times[@]}" | stats)"
}

# The table: rows in the order measured, kept for the ratios.
declare -A results bench_seen
bench_names=()
header() { printf "%-34s %-22s %8s %8s %8s   (ms)\n" "benchmark" "engine" "median" "min" "max"; }
row() { # name engine "median min max"
  [ -n "${bench_seen["$1"]:-}" ] || { bench_seen["$1"]=1; bench_names+=("$1"); }
  results["$1|$2"]="$3"
  printf "%-34s %-22s %8s %8s %8s\n" "$1" "$2" $3
}

# ratios DOCKER-ENGINE OURS-ENGINE [SKIP-GLOB] -> "name  docker/ours" for each benchmark both have
# (numbers only: a FAILED row has none).
ratios() {
  local name d j
  for name in "${bench_names[@]}"; do
    [[ -n "${3:-}" && "$name" == $3 ]] && continue
    d="${results["$name|$1"]:-}" j="${results["$name|$2"]:-}"
    [[ "${d%% *}" =~ ^[0-9.]+$ && "${j%% *}" =~ ^[0-9.]+$ ]] || continue
    awk -v n="$name" -v d="${d%% *}" -v j="${j%% *}" 'BEGIN {printf "  %-34s %.2fx\n", n, d / j}'
  done
}
