#!/usr/bin/env bash
# Builds everything, runs every test project and a smoke run of every example, and ends with one line
# "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

passed=0; failed=0; skipped=0
log_dir=$(mktemp -d)

for project in $(test_projects); do
  name=$(basename "$(dirname "$project")")
  echo "== $name"
  if ! dotnet test "$project" -c Release --logger "console;verbosity=minimal" 2>&1 | tee "$log_dir/$name.log" | grep -E "error|Failed |Passed!|Failed!|Skipped |^\s+(Assert|at |Expected)" ; then :; fi
  summary=$(grep -E "(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+" "$log_dir/$name.log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "   $name did not build or run (see above)"; failed=$((failed + 1)); continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary"); s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo "== examples (smoke mode)"
smoke_out=$(mktemp -d)
for project in $(example_projects); do
  name=$(basename "$(dirname "$project")")
  if dotnet run --project "$project" -c Release -- --smoke --output "$smoke_out/$name" >"$log_dir/example-$name.log" 2>&1; then
    echo "   $name: ok"; passed=$((passed + 1))
  else
    echo "   $name: FAILED"; tail -n 20 "$log_dir/example-$name.log" | sed 's/^/      /'; failed=$((failed + 1))
  fi
done

echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
