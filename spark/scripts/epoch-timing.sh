#!/usr/bin/env bash
# Seconds per Fashion-MNIST epoch, for docs/spark.md: the plain single-JVM trainer (the examples'
# fashion-mnist), the Spark trainer on local[1] and on local[2] in synchronous mode, and local[2]
# in averaging mode, all training the same 784-256-10 MLP with Adam on batches of 128, EPOCHS
# epochs each (default 3), then Spark's cost per job (the overhead command). The four trainings
# run in turn ROUNDS times (default 2), so that a change of load hits all alike. Prints every run
# (mean seconds of the epochs after the first, which pays for JIT compilation and caching; test
# accuracy; jobs and Spark's overhead per job), and `uptime` before and after. Run from the
# repository root after `mvn -q -o -pl examples,spark -am -DskipTests package`.
set -euo pipefail
epochs=${EPOCHS:-3}
rounds=${ROUNDS:-2}
examples=examples/target/chainrule-examples.jar
spark=spark/target/chainrule-spark.jar
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# the mean of the per-epoch "seconds" of a --json report, the first epoch left out
steady() { grep -o '"seconds": [0-9.Ee-]*' "$1" | awk 'NR > 1 { s += $2; n++ }
  END { printf "%.2f", n ? s / n : 0 }'; }
# the first number named $2 in a --json report, or nothing
field() { { grep -o "\"$2\": [0-9.Ee-]*" "$1" || true; } | head -1 | awk '{ print $2 }'; }

run() { # name, command...
  local name=$1 json="$out/run.json"
  shift
  "$@" --epochs "$epochs" --json > "$json" 2> "$out/err" || { cat "$out/err" >&2; exit 1; }
  local jobs overhead
  jobs=$(field "$json" jobs)
  overhead=$(field "$json" overheadSeconds)
  printf '%-22s %6s s/epoch   test accuracy %s' "$name" "$(steady "$json")" \
    "$(field "$json" testAccuracy)"
  if [ -n "$jobs" ]; then
    awk -v j="$jobs" -v o="$overhead" -v e="$epochs" \
      'BEGIN { printf "   %d jobs/epoch, Spark overhead %.1f ms/job", j / e, 1e3 * o / j }'
  fi
  echo
}

echo "before: $(uptime)"
for ((r = 1; r <= rounds; r++)); do
  echo "round $r, $epochs epochs each"
  run "single JVM" java -jar "$examples" fashion-mnist --patience 0
  run "spark local[1] sync" java -jar "$spark" fashion-mnist --master 'local[1]'
  run "spark local[2] sync" java -jar "$spark" fashion-mnist --master 'local[2]'
  run "spark local[2] average" java -jar "$spark" fashion-mnist --master 'local[2]' \
    --mode average
done
java -jar "$spark" overhead --master 'local[2]'
echo "after: $(uptime)"
