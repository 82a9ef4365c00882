#!/usr/bin/env bash
# Builds jdocker-cli/target/jdocker.aot: a JDK 25 AOT cache from a training run that needs no daemon
# (io.jdocker.cli.training.TrainingMain answers canned responses on a temporary Unix socket).
# The launcher uses the cache only while it is newer than the jar, so rerun this after each build.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
target="$root/jdocker-cli/target"
java="${JDOCKER_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[[ -f "$target/jdocker-cli.jar" ]] || { echo "cli-aot: build jdocker-cli first" >&2; exit 1; }
cp="$target/jdocker-cli.jar"
if compgen -G "$target/lib/*.jar" > /dev/null; then
  for jar in "$target"/lib/*.jar; do cp="$cp:$jar"; done
fi
rm -f "$target/jdocker.aot"
# Same flags as the launcher: the cache is only used when they match.
"$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss512k \
  -XX:AOTCacheOutput="$target/jdocker.aot" -Xlog:aot=warning -Xlog:cds=warning \
  -cp "$cp" io.jdocker.cli.training.TrainingMain
ls -l "$target/jdocker.aot"
