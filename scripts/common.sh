# Shared by test.sh: finds the test and example projects.

# Test projects only: helper programs under tests/ (child processes such as MLNetScratchTrainer.ColdLoader, benchmarks)
# are not marked <IsTestProject>true</IsTestProject>.
test_projects() {
  for p in tests/*/*.csproj; do
    [ -e "$p" ] || continue
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
