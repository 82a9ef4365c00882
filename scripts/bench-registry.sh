#!/usr/bin/env bash
# Push and pull benchmarks through a local registry, jdocker side by side with Docker in one run.
#   scripts/bench-registry.sh [-n RUNS]
# Runs Debian's docker-registry (distribution 2.8, package docker-registry) on a free loopback
# port in plain HTTP, which both engines treat as an insecure registry by themselves, and a
# private jdockerd as bench.sh does. The image is the busybox rootfs plus the JDK's lib/modules
# (~146 MB of real binary) in one layer, imported into each engine as REGISTRY/bench/big:v1, its
# only tag, so rmi really removes the layer. Each engine's rows start from an empty registry, so
# no engine ever finds the other's blobs there. Docker is measured when a dockerd answers on
# /var/run/docker.sock (Debian's docker.io: start containerd, then dockerd).
# Prints median/min/max in ms per engine and the ratio.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bench-lib.sh"
runs=3
while getopts "n:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    *) echo "usage: $0 [-n runs]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || die "run as root"
[ -x "$JDOCKER_ROOT/bin/jdockerd" ] || die "build first: scripts/build.sh"
ensure_packages docker-registry
command -v docker >/dev/null || die "no docker CLI: the rows go through it"
java_home="$(find_java_home)" || die "JDK 25 not found (its lib/modules is the big file)"

work="$(mktemp -d /tmp/jdocker-bench-registry.XXXXXX)"
jsock="$work/jdocker.sock"
jhost="unix://$jsock"
dsock=/var/run/docker.sock
jd=("$JDOCKER_ROOT/bin/jdocker" -H "$jhost")
dj=(docker -H "$jhost")
dd=(docker -H "unix://$dsock")

# A loopback port nothing listens on (a refused connection).
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}
registry="127.0.0.1:$(free_port)" || die "no free port"
image="$registry/bench/big:v1"

registry_pid=""
cleanup() {
  if [ -n "${have_docker:-}" ]; then
    "${dd[@]}" rmi -f $("${dd[@]}" images -q "${image%:*}" 2>/dev/null) >/dev/null 2>&1 || true
  fi
  registry_stop
  [ -n "${daemon_pid:-}" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
  grep -o " $work[^ ]*" /proc/self/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/registry.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: $registry
EOF
registry_start() {
  local i
  docker-registry serve "$work/registry.yml" >>"$work/registry.out" 2>&1 &
  registry_pid=$!
  for ((i = 0; i < 100; i++)); do
    curl -sf "http://$registry/v2/" >/dev/null 2>&1 && return 0
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/registry.out" >&2
  return 1
}
registry_stop() {
  [ -n "$registry_pid" ] || return 0
  kill "$registry_pid" 2>/dev/null || true
  wait "$registry_pid" 2>/dev/null || true
  registry_pid=""
}
# A registry with no blobs at all, at the same address.
registry_empty() { registry_stop && rm -rf "$work/registry" && registry_start; }

"$JDOCKER_ROOT/bin/jdockerd" -H "$jhost" --data-root "$work/data" --exec-root "$work/exec" \
  --pidfile "$work/jdockerd.pid" >"$work/jdockerd.out" 2>&1 &
daemon_pid=$!
wait_for_socket "$jsock" 60 || { cat "$work/jdockerd.out" >&2; die "jdockerd did not start"; }

# Fixed owner and mtime: the same layer digest in both engines and in every run of the script.
big_file="$java_home/lib/modules"
"$JDOCKER_ROOT/scripts/make-busybox-rootfs.sh" "$work/big.tar"
mkdir -p "$work/extra/opt/jdk"
cp "$big_file" "$work/extra/opt/jdk/modules"
tar --append -f "$work/big.tar" --numeric-owner --owner=0 --group=0 --mtime='2024-01-01 00:00:00Z' \
  -C "$work/extra" ./opt
rm -rf "$work/extra"
log "image $image: one layer of $(( $(stat -c %s "$work/big.tar") / 1000000 )) MB (busybox + $big_file)"
"${dj[@]}" import -c 'CMD ["sh"]' "$work/big.tar" "$image" >/dev/null

have_docker=""
if curl -sf --unix-socket "$dsock" http://localhost/_ping >/dev/null 2>&1; then
  have_docker=1
  "${dd[@]}" rmi -f $("${dd[@]}" images -q "${image%:*}") >/dev/null 2>&1 || true
  "${dd[@]}" import -c 'CMD ["sh"]' "$work/big.tar" "$image" >/dev/null
else
  log "no dockerd on $dsock: measuring jdocker only"
fi
rm -f "$work/big.tar"

# The jdocker CLI gets its rows once it has pull and push.
have_jdocker_cli=""
if grep -q "jdocker pull" <<<"$("${jd[@]}" pull --help 2>&1 || true)"; then
  have_jdocker_cli=1
else
  log "bin/jdocker has no pull command yet: docker CLI rows only for jdockerd"
fi

# Untimed steps go through the docker CLI to the engine under test ($admin).
admin=()
# The image gone with its layer ("Deleted:" the image and its layer), or the pull would find the
# layer there ("Already exists") and time almost nothing.
remove_image() {
  local out
  out="$("${admin[@]}" rmi "$image")" || return 1
  [ "$(grep -c '^Deleted:' <<<"$out")" -ge 2 ] || { printf 'rmi kept the layer:\n%s\n' "$out" >&2; return 1; }
}

measure() { # label cli...
  local label="$1"; shift
  registry_empty || die "registry did not start"
  time_prepared "$runs" registry_empty "$@" push "$image"
  row "push (empty registry)" "$label" "$timed"
  time_prepared "$runs" : "$@" push "$image"
  row "push again (layer exists)" "$label" "$timed"
  time_prepared "$runs" remove_image "$@" pull "$image"
  row "pull (image absent)" "$label" "$timed"
}

header
admin=("${dj[@]}")
measure "docker CLI→jdockerd" "${dj[@]}"
[ -n "$have_jdocker_cli" ] && measure "jdocker CLI→jdockerd" "${jd[@]}"
if [ -n "$have_docker" ]; then
  admin=("${dd[@]}")
  measure "docker CLI→dockerd" "${dd[@]}"
fi

if [ -n "$have_docker" ]; then
  echo
  echo "ratio (docker median / jdocker median; above 1 means jdocker is faster):"
  echo " the daemons alone (the docker CLI for both):"
  ratios "docker CLI→dockerd" "docker CLI→jdockerd"
  if [ -n "$have_jdocker_cli" ]; then
    echo " each engine with its own CLI:"
    ratios "docker CLI→dockerd" "jdocker CLI→jdockerd"
  fi
fi
