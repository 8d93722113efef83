#!/usr/bin/env bash
# Regenerates the README's example picture (docs/example-graph.svg and .png) with graphq itself:
# a fresh demo store from the bundled example articles, exported as DOT and rendered by Graphviz.
# Run it after the extractor changes:  scripts/example-graph.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${GRAPHQ:-.build/debug/graphq}"
[ -x "$bin" ] || swift build --product graphq
db="$(mktemp -d)/demo.sqlite"
"$bin" demo --db "$db" > /dev/null
for format in svg png; do
  "$bin" export --db "$db" --format dot --clusters --render "$format" \
    --title "graphq example: who stands where in the bundled example articles" -o "docs/example-graph.$format"
done
echo "wrote docs/example-graph.svg and docs/example-graph.png from $("$bin" stats --db "$db" | grep stances)"
