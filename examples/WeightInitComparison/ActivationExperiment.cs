using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Examples.WeightInitComparison;

/// <summary>
/// Saito, chapter 6.2: random inputs pass through five dense layers of 100 units with one activation; the histogram
/// of each layer's outputs shows whether the signal survives (spread out), vanishes (all near one value) or saturates.
/// </summary>
internal sealed class ActivationExperiment(string activationName, Func<int, ILayer> createActivation, double histogramLow, double histogramHigh, bool dropZeros)
{
    public const int Layers = 5;
    public const int Units = 100;
    private const int Bins = 30;

    public string ActivationName => activationName;

    /// <summary>Runs every initialisation; returns the panel of histograms (one row per initialisation) and prints the spread per layer.</summary>
    public HistogramPanel Run(Matrix input, Gemm gemm)
    {
        string counted = dropZeros ? "positive outputs (zeros, the inactive units, are left out)" : "outputs";
        var panel = new HistogramPanel($"{activationName}: outputs of 5 layers of 100 units for 3 weight initialisations", Layers)
        {
            Subtitle = $"x: activation value, y: number of {counted}, over {input.Rows} random inputs",
        };
        var table = new TextTable(["initialisation", .. Enumerable.Range(1, Layers).Select(l => $"layer {l} std")]);
        foreach (var choice in InitializerChoice.All)
        {
            var rng = new Rng(7);
            var x = input;
            var spreads = new List<string>();
            for (int layer = 1; layer <= Layers; layer++)
            {
                var dense = new Dense(Units, Units, gemm, $"dense{layer}");
                choice.Initializer.Initialize(dense.Weight.Value, Units, Units, rng);
                x = createActivation(Units).Forward(dense.Forward(x, training: false), training: false);
                float[] values = dropZeros ? [.. x.Span.ToArray().Where(v => v != 0)] : x.Span.ToArray();
                panel.Add(Histogram.FromValues($"{choice.Name}, layer {layer}", values, histogramLow, histogramHigh, Bins));
                spreads.Add($"{StandardDeviation(x.Span):F4}");
            }

            table.AddRow([choice.Name, .. spreads]);
        }

        Console.WriteLine($"{activationName}: standard deviation of each layer's outputs");
        table.Write();
        return panel;
    }

    private static double StandardDeviation(ReadOnlySpan<float> values)
    {
        double mean = 0, squares = 0;
        foreach (float v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        foreach (float v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / values.Length);
    }
}
