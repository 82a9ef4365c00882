#!/usr/bin/env bash
# Installs what is missing, builds, and runs every unit and integration test.
# Integration tests (src-it) start their own jdockerd on a private socket and data root.
. "$(dirname "$0")/lib.sh"
cd "$JDOCKER_ROOT"
[ "$(id -u)" -eq 0 ] || die "run as root: the tests create namespaces, mounts and cgroups"

# tmux and script(1) give the interactive tests a real terminal.
ensure_packages "${BUILD_PACKAGES[@]}" tmux bsdutils
use_java

log "build and unit tests"
scripts/build.sh --with-unit-tests

log "integration tests"
mvn -B -ntp -o test -pl src-it -DskipITs=false -Djdocker.root="$JDOCKER_ROOT"
