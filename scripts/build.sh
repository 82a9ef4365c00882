#!/usr/bin/env bash
# Builds every module and leaves the launchers bin/jdocker and bin/jdockerd in the checkout.
# Usage: scripts/build.sh [--with-unit-tests] [extra maven args]
. "$(dirname "$0")/lib.sh"
use_java
cd "$JDOCKER_ROOT"

skip_tests=(-DskipTests)
if [ "${1:-}" = --with-unit-tests ]; then
  skip_tests=()
  shift
fi
log "building with $JAVA_HOME"
mvn -B -ntp install "${skip_tests[@]}" "$@"

mkdir -p bin
install -m 0755 scripts/launchers/jdockerd bin/jdockerd
install -m 0755 scripts/launchers/jdocker bin/jdocker
if [ -x scripts/cli-aot.sh ]; then
  log "training the CLI's AOT cache"
  scripts/cli-aot.sh
fi
log "built: $JDOCKER_ROOT/bin/jdocker and $JDOCKER_ROOT/bin/jdockerd"
