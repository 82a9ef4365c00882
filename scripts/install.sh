#!/usr/bin/env bash
# Puts the launchers built by scripts/build.sh on PATH (as symlinks into this checkout).
. "$(dirname "$0")/lib.sh"
prefix="${1:-/usr/local/bin}"
[ -x "$JDOCKER_ROOT/bin/jdocker" ] || die "build first: scripts/build.sh"
ln -sf "$JDOCKER_ROOT/bin/jdocker" "$prefix/jdocker"
ln -sf "$JDOCKER_ROOT/bin/jdockerd" "$prefix/jdockerd"
log "installed jdocker and jdockerd in $prefix"
