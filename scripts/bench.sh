#!/usr/bin/env bash
# Container benchmarks, jdocker side by side with Docker in one run.
#   scripts/bench.sh [-n RUNS] [-c CONTAINERS]
# Starts a private jdockerd (own socket, data root, exec root under /tmp) so the numbers do not
# depend on what a user's daemon holds, and imports the same busybox rootfs into both engines.
# Docker is measured when a dockerd answers on /var/run/docker.sock (Debian's docker.io:
# start containerd, then dockerd). Prints median/min/max in ms per engine and the ratio.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bench-lib.sh"
runs=20
many=50
while getopts "n:c:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    c) many="$OPTARG" ;;
    *) echo "usage: $0 [-n runs] [-c containers]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || die "run as root"
[ -x "$JDOCKER_ROOT/bin/jdockerd" ] || die "build first: scripts/build.sh"

work="$(mktemp -d /tmp/jdocker-bench.XXXXXX)"
jsock="$work/jdocker.sock"
jhost="unix://$jsock"
dsock=/var/run/docker.sock
image=jdocker-bench-busybox
jd=("$JDOCKER_ROOT/bin/jdocker" -H "$jhost")
dj=(docker -H "$jhost")
dd=(docker -H "unix://$dsock")

cleanup() {
  "${jd[@]}" rm -f $("${jd[@]}" ps -aq 2>/dev/null) >/dev/null 2>&1 || true
  [ -n "${daemon_pid:-}" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
  if [ -n "${have_docker:-}" ]; then
    "${dd[@]}" rm -f $("${dd[@]}" ps -aq --filter "label=jdocker-bench") >/dev/null 2>&1 || true
  fi
  grep -o " $work[^ ]*" /proc/self/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$JDOCKER_ROOT/bin/jdockerd" -H "$jhost" --data-root "$work/data" --exec-root "$work/exec" \
  --pidfile "$work/jdockerd.pid" >"$work/jdockerd.out" 2>&1 &
daemon_pid=$!
wait_for_socket "$jsock" 60 || { cat "$work/jdockerd.out" >&2; die "jdockerd did not start"; }
"$JDOCKER_ROOT/scripts/make-busybox-rootfs.sh" "$work/rootfs.tar"
"${jd[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" "$image" >/dev/null

have_docker=""
if curl -sf --unix-socket "$dsock" http://localhost/_ping >/dev/null 2>&1; then
  have_docker=1
  "${dd[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" "$image" >/dev/null
else
  log "no dockerd on $dsock: measuring jdocker only"
fi

header

run_rm() { "$@" run --rm --label jdocker-bench "$image" true; }
row "run --rm true" "jdocker CLI→jdockerd" "$(time_runs "$runs" run_rm "${jd[@]}")"
row "run --rm true" "docker CLI→jdockerd" "$(time_runs "$runs" run_rm "${dj[@]}")"
[ -n "$have_docker" ] && row "run --rm true" "docker CLI→dockerd" "$(time_runs "$runs" run_rm "${dd[@]}")"

# The daemon's own part: the API calls docker run makes, sent with curl (no CLI start-up).
# Unversioned paths, so each daemon answers at its own API version.
api_run() { # socket
  local id
  id=$(curl -sf --unix-socket "$1" -H 'Content-Type: application/json' \
    -d "{\"Image\":\"$image\",\"Cmd\":[\"true\"],\"Labels\":{\"jdocker-bench\":\"\"}}" \
    http://localhost/containers/create | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
  curl -sf --unix-socket "$1" -X POST "http://localhost/containers/$id/start" >/dev/null
  curl -sf --unix-socket "$1" -X POST "http://localhost/containers/$id/wait" >/dev/null
  curl -sf --unix-socket "$1" -X DELETE "http://localhost/containers/$id" >/dev/null
}
row "API create+start+wait+rm" "jdockerd" "$(time_runs "$runs" api_run "$jsock")"
[ -n "$have_docker" ] && row "API create+start+wait+rm" "dockerd" "$(time_runs "$runs" api_run "$dsock")"

run_d_rm() { local id; id=$("$@" run -d --label jdocker-bench "$image" sleep 60) && "$@" rm -f "$id"; }
row "run -d + rm -f" "jdocker CLI→jdockerd" "$(time_runs "$runs" run_d_rm "${jd[@]}")"
[ -n "$have_docker" ] && row "run -d + rm -f" "docker CLI→dockerd" "$(time_runs "$runs" run_d_rm "${dd[@]}")"

start_many() { # cli... ; starts $many containers in parallel, waits for all
  local pids=() i
  for i in $(seq "$many"); do "$@" run -d --label jdocker-bench "$image" sleep 600 >/dev/null & pids+=($!); done
  wait "${pids[@]}"
}
remove_all() { "$@" rm -f $("$@" ps -aq --filter label=jdocker-bench) >/dev/null 2>&1 || true; }
parallel_start() { # cli...
  local s e
  s=$(now_ns); start_many "$@"; e=$(now_ns)
  echo $(( (e - s) / 1000000 ))
}
# docker CLI→jdockerd shows the daemon's share without the JVM start-up of 50 jdocker CLIs.
engines=(jdocker docker-on-jdocker)
[ -n "$have_docker" ] && engines+=(docker)
for engine in "${engines[@]}"; do
  case "$engine" in
    jdocker) cli=("${jd[@]}"); label="jdocker CLI→jdockerd" ;;
    docker-on-jdocker) cli=("${dj[@]}"); label="docker CLI→jdockerd" ;;
    *) cli=("${dd[@]}"); label="docker CLI→dockerd" ;;
  esac
  total=$(parallel_start "${cli[@]}")
  running=$("${cli[@]}" ps -q --filter label=jdocker-bench | wc -l)
  row "$many × run -d in parallel (total)" "$label" "$total $total $total"
  row "ps with $running running" "$label" "$(time_runs "$runs" "${cli[@]}" ps)"
  remove_all "${cli[@]}"
done

# exec into a running container, and 100 MB of output through attach (foreground run) and logs.
stream_cmd='yes 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxy | head -c 100000000'
exec_and_stream() { # label cli...
  local label="$1"; shift
  local ctr
  ctr=$("$@" run -d --label jdocker-bench "$image" sleep 600)
  row "exec true" "$label" "$(time_runs "$runs" "$@" exec "$ctr" true)"
  row "100 MB through attach (run)" "$label" "$(time_runs 3 "$@" run --rm --label jdocker-bench "$image" sh -c "$stream_cmd")"
  local logged
  logged=$("$@" run -d --label jdocker-bench "$image" sh -c "$stream_cmd")
  "$@" wait "$logged" >/dev/null
  row "100 MB through logs" "$label" "$(time_runs 3 "$@" logs "$logged")"
  "$@" rm -f "$ctr" "$logged" >/dev/null
}
exec_and_stream "jdocker CLI→jdockerd" "${jd[@]}"
exec_and_stream "docker CLI→jdockerd" "${dj[@]}"
[ -n "$have_docker" ] && exec_and_stream "docker CLI→dockerd" "${dd[@]}"

if [ -n "$have_docker" ]; then
  echo
  echo "ratio (docker median / jdocker median; above 1 means jdocker is faster):"
  # The ps rows list what each engine happens to have running: not like for like.
  ratios "docker CLI→dockerd" "jdocker CLI→jdockerd" "ps with*"
  ratios dockerd jdockerd
fi
