# Shared by test.sh: finds the test and example projects.

test_projects() {
  for p in tests/*/*.csproj; do
    [ -e "$p" ] || continue
    case "$p" in *Benchmarks*|*Fuzz*) continue ;; esac
    # Helper programs that tests start as child processes are not test projects.
    grep -q '<IsTestProject>true</IsTestProject>' "$p" || continue
    echo "$p"
  done
}

# Runnable examples only: a library shared by the examples (examples/Shared) has no <OutputType>Exe</OutputType>.
example_projects() {
  for p in examples/*/*.csproj; do
    [ -e "$p" ] || continue
    grep -q '<OutputType>Exe</OutputType>' "$p" || continue
    echo "$p"
  done
}
