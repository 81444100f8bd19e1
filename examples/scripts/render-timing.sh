#!/usr/bin/env bash
# Times the first PNG from JVM start, for docs/graphs.md: `graph mazur --view forward --values`
# with the dot program on the PATH, and without it (the bundled Graphviz), against `dot -Tpng` on
# the same DOT file as the reference, each run ROUNDS times (default 5), interleaved so that a
# change of load hits all alike. Prints every time and the median of each, and `uptime` before and
# after. Run from the repository root after `mvn -q -DskipTests -pl examples -am package`.
# Usage: render-timing.sh [ROUNDS [VIEW [REFERENCE_JAR]]]: VIEW defaults to forward; a reference
# jar (e.g. one built from main, copied to /tmp) is timed without dot too, in the same rounds.
set -euo pipefail
rounds=${1:-5}
view=${2:-forward}
reference=${3:-}
jar=examples/target/chainrule-examples.jar
out=$(mktemp -d)
nodot=$(mktemp -d)
ln -s "$(readlink -f "$(command -v java)")" "$nodot/java"
trap 'rm -rf "$out" "$nodot"' EXIT
java -jar "$jar" graph mazur --view "$view" --values --format dot --out "$out" >/dev/null

seconds() { # runs a command, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "before: $(uptime)"
for ((i = 1; i <= rounds; i++)); do
  seconds dot -Tpng -Gdpi=144 "$out/mazur-$view.dot" -o "$out/direct.png" >> "$out/t-dot"
  seconds java -jar "$jar" graph mazur --view "$view" --values --format png --out "$out" \
    >> "$out/t-with-dot"
  seconds env PATH="$nodot" java -jar "$jar" graph mazur --view "$view" --values --format png \
    --out "$out" >> "$out/t-without-dot"
  if [[ -n "$reference" ]]; then
    seconds env PATH="$nodot" java -jar "$reference" graph mazur --view "$view" --values \
      --format png --out "$out" >> "$out/t-reference-without-dot"
  fi
done
echo "after: $(uptime)"
for t in dot with-dot without-dot ${reference:+reference-without-dot}; do
  printf '%-12s %s  median %s s\n' "$t" "$(tr '\n' ' ' < "$out/t-$t")" "$(median < "$out/t-$t")"
done
