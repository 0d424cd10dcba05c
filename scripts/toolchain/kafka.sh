#!/usr/bin/env bash
# Fetches the Kafka broker and its command-line tools at the version pinned in tools/kafka/pom.xml (jars from
# Maven Central) and prints the folder whose libs/ holds them. Named by a hash of the pom, so an unchanged pom
# is fetched once. Cold cost: ~30 s.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
pom="$root/tools/kafka/pom.xml"
cache="${CADENCE_CACHE_DIR:-$HOME/.cache/cadence}"
hash=$(sha256sum "$pom" | cut -c1-16)
out="$cache/kafka-$hash"
if [ -f "$out/libs/.complete" ]; then
  echo "$out"
  exit 0
fi
command -v java >/dev/null || { echo "Java 17+ is needed to run Kafka (apt-get install -y openjdk-17-jre-headless)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "Maven is needed to fetch Kafka (apt-get install -y maven)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
echo "fetching Kafka jars (tools/kafka/pom.xml)" >&2
mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out/libs" >&2
touch "$out/libs/.complete"
echo "$out"
