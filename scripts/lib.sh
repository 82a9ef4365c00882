# Shared helpers for jdocker's scripts. Source it: . "$(dirname "$0")/lib.sh"
set -euo pipefail

JDOCKER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The JDK 25 that builds and runs jdocker: $JDOCKER_JAVA_HOME, else Temurin 25 under /usr/lib/jvm.
find_java_home() {
  local candidate
  for candidate in "${JDOCKER_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25-* /usr/lib/jvm/jdk-25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] &&
       "$candidate/bin/java" -version 2>&1 | grep -q 'version "25'; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

use_java() {
  JAVA_HOME="$(find_java_home)" || die "JDK 25 not found: install Temurin 25 under /usr/lib/jvm or set JDOCKER_JAVA_HOME"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's bundled Guava calls sun.misc.Unsafe, which JDK 25 warns about on every run.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

# Installs the Debian packages jdocker needs to build and test, only those missing.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root or install them"
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

BUILD_PACKAGES=(maven gcc libc6-dev curl busybox-static)

# Waits until a daemon accepts connections on the socket (up to $2 seconds).
wait_for_socket() {
  local socket="$1" timeout="${2:-30}" i
  for ((i = 0; i < timeout * 10; i++)); do
    if curl -sf --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}
