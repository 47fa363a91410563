#!/usr/bin/env bash
# Runs the whole performance suite and writes the figures:
#   spiceai-secrets-benchmarks/target/benchmarks/{jmh-canned,jmh-canned-pass2,jmh-canned-pass3,jmh-canned-async,jmh-emulator,interleaved,bulk,pacing,coldstart,footprint,machine}.json
#   spiceai-secrets-benchmarks/target/benchmarks/summary.md and performance.svg
#   docs/performance.svg, and the generated part of docs/PERFORMANCE.md
# About 45 minutes on 2 cores. Usage: spiceai-secrets-benchmarks/run-benchmarks.sh [--quick] [--only jmh,interleaved,bulk,pacing,...]
# Run it on an otherwise idle machine: every other process competes with the figures.
set -euo pipefail

module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
out="$module/target/benchmarks"
cd "$root"

# Where builds are serialised by a lock wrapper (mvnl), use it, and hold the same lock while measuring.
if command -v mvnl >/dev/null 2>&1; then mvn=(mvnl); lock=(flock /tmp/mvn.lock); else mvn=(mvn); lock=(); fi

"${mvn[@]}" -B -q install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl spiceai-secrets-benchmarks -am

# Footprint: the runtime closure of a project depending on each client, as Maven resolves it.
mkdir -p "$out/footprint"
"${mvn[@]}" -B -q -o -f "$module/src/footprint/sdk/pom.xml" dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$out/footprint/sdk.classpath"
"${mvn[@]}" -B -q -o -f "$module/src/footprint/peer/pom.xml" dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$out/footprint/peer.classpath"
# The generated project's own pom.xml may name versions not yet in the local repository: not offline, and optional.
"${mvn[@]}" -B -q -f "$module/target/generated-sources/openapi/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$out/footprint/peer-as-generated.classpath" \
    || echo "note: could not resolve the generated pom.xml's dependencies; that footprint row is left out" >&2

"${lock[@]}" java -jar "$module/target/benchmarks.jar" --out "$out" --docs "$root/docs" "$@"
