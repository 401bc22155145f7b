#!/usr/bin/env bash
# The main example: MNIST through ML.NET with the Mlp trainer beside ML.NET's own trainers.
# Arguments are passed to the example (for example: ./run.sh --smoke, ./run.sh --mnist /path/to/mnist).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project examples/MnistComparison -c Release -- "$@"
