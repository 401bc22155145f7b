# Shared by test.sh and run.sh: finds the projects and decides whether Microsoft.ML can be restored.

# True (0) when the project needs Microsoft.ML (directly or through the plugin project).
needs_mlnet() {
  grep -qE 'Include="Microsoft\.ML(\.[A-Za-z]+)?"|MLNetScratchTrainer\.csproj' "$1"
}

# Decided once per run: restore the plugin project; if that fails, ML.NET-dependent projects are skipped.
MLNET_AVAILABLE=0
if [ -f src/MLNetScratchTrainer/MLNetScratchTrainer.csproj ]; then
  if dotnet restore src/MLNetScratchTrainer/MLNetScratchTrainer.csproj >/dev/null 2>&1; then
    MLNET_AVAILABLE=1
  else
    echo "Microsoft.ML 5.0.0 cannot be restored on this machine: skipping the ML.NET plugin, its tests and the ML.NET comparison examples; everything else runs."
  fi
fi

usable() {
  [ "$MLNET_AVAILABLE" -eq 1 ] || ! needs_mlnet "$1"
}

test_projects() {
  for p in tests/*/*.csproj; do
    [ -e "$p" ] || continue
    case "$p" in *Benchmarks*) continue ;; esac
    usable "$p" && echo "$p"
  done
}

# Runnable examples only: a library shared by the examples (examples/Shared) has no <OutputType>Exe</OutputType>.
example_projects() {
  for p in examples/*/*.csproj; do
    [ -e "$p" ] || continue
    grep -q '<OutputType>Exe</OutputType>' "$p" || continue
    usable "$p" && echo "$p"
  done
}
