#!/usr/bin/env bash
# Builds the committed tree twice, from clean, in two different directories, and compares the SHA-256 of every
# artifact that is deployed to Maven Central (jars, sources, Javadoc, POMs). Exits non-zero on any difference.
#   scripts/check-reproducible.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deployed='spiceai-secrets-(core|testkit|cli)-[^/]*\.jar|spiceai-secrets-bom/pom\.xml'

for run in first second; do
    mkdir -p "$work/$run"
    git archive HEAD | tar -x -C "$work/$run"
    (cd "$work/$run" && mvn -B -q clean verify -DskipTests)
    (cd "$work/$run" && find . -path '*/target/*.jar' -o -path './spiceai-secrets-bom/pom.xml' \
        | grep -E "$deployed" | sort | xargs sha256sum) > "$work/$run.sha256"
done

count=$(wc -l < "$work/first.sha256")
if diff -u "$work/first.sha256" "$work/second.sha256"; then
    echo "reproducible: $count deployed artifacts identical across two clean builds"
    cat "$work/first.sha256"
else
    echo "NOT reproducible: the checksums above differ" >&2
    exit 1
fi
