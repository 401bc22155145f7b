#!/usr/bin/env bash
# Builds everything, runs every test project and a smoke run of every example, and ends with one line
# "Tests: N passed, N failed, N skipped" (counted from the test runs' TRX files; the examples are reported on a line of
# their own just before it, and a failing example fails the run too).
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT

# One attribute of the <Counters> element of a TRX file, such as passed="12".
trx_counter() { grep -o '<Counters [^>]*>' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }

passed=0; failed=0; skipped=0
for project in $(test_projects); do
  name=$(basename "$(dirname "$project")")
  echo "== $name"
  dotnet test "$project" -c Release --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" \
      --results-directory "$work_dir/$name" 2>&1 | tee "$work_dir/$name.log" \
    | grep -E "error|Failed |Passed!|Failed!|Skipped |^\s+(Assert|at |Expected)" || true
  trx="$work_dir/$name/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "   $name did not build or run (see above)"; failed=$((failed + 1)); continue
  fi
  total=$(trx_counter "$trx" total)
  p=$(trx_counter "$trx" passed)
  f=$(( $(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted) ))
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - p - f))
done

echo "== examples (smoke mode)"
examples_ok=0; examples_failed=0
for project in $(example_projects); do
  name=$(basename "$(dirname "$project")")
  if dotnet run --project "$project" -c Release -- --smoke --output "$work_dir/examples/$name" >"$work_dir/example-$name.log" 2>&1; then
    echo "   $name: ok"; examples_ok=$((examples_ok + 1))
  else
    echo "   $name: FAILED"; tail -n 20 "$work_dir/example-$name.log" | sed 's/^/      /'; examples_failed=$((examples_failed + 1))
  fi
done

echo "Examples: $examples_ok ran, $examples_failed failed"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$examples_failed" -eq 0 ]
