#!/usr/bin/env bash
# Installs what is missing, builds, and runs every unit and integration test.
# Integration tests (src-it) start their own jdockerd on a private socket and data root.
. "$(dirname "$0")/lib.sh"
cd "$JDOCKER_ROOT"
[ "$(id -u)" -eq 0 ] || die "run as root: the tests create namespaces, mounts and cgroups"

# tmux and script(1) give the interactive tests a real terminal; docker-registry is the real
# registry the push/pull tests run on 127.0.0.1, apache2-utils' htpasswd its Basic-auth users.
ensure_packages "${BUILD_PACKAGES[@]}" tmux bsdutils docker-registry apache2-utils
use_java

log "build and unit tests"
scripts/build.sh --with-unit-tests

log "integration tests"
mvn -B -ntp -o test -pl src-it -DskipITs=false -Djdocker.root="$JDOCKER_ROOT"
