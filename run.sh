#!/usr/bin/env bash
# The main example: MNIST through ML.NET with the Mlp trainer beside ML.NET's own trainers.
# Where Microsoft.ML 5.0.0 cannot be restored, says so and trains the engine alone on MNIST instead.
# Arguments are passed to the example (for example: ./run.sh --smoke, ./run.sh --mnist /path/to/mnist).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

if [ "$MLNET_AVAILABLE" -eq 1 ]; then
  exec dotnet run --project examples/MnistComparison -c Release -- "$@"
fi
exec dotnet run --project examples/MnistEngine -c Release -- "$@"
