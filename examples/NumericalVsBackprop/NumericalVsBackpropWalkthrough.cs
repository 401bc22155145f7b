using System.Diagnostics;
using System.Globalization;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Examples.NumericalVsBackprop;

/// <summary>
/// Saito, chapters 4 and 5 (TwoLayerNet): the gradient of the loss with respect to every weight of a 784-50-10 sigmoid
/// network, once by the central difference (L(w + h) − L(w − h)) / 2h, two forward passes per weight, and once by
/// backpropagation, one forward and one backward pass for all weights together. They agree; one is vastly cheaper.
/// </summary>
internal static class NumericalVsBackpropWalkthrough
{
    private const int BatchRows = 10;
    private const float StepSize = 1e-2f;
    private const int SampledPerTensor = 50;
    private static readonly float[] SweepSteps = [1e-1f, 3e-2f, 1e-2f, 3e-3f, 1e-3f, 3e-4f, 1e-4f];

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var data = MnistData.Load(arguments, MnistPart.Train, BatchRows);
        var features = new Matrix(data.Features, BatchRows, data.FeatureCount);
        var architecture = new MlpArchitecture(Mnist.FeatureCount, [50], Mnist.ClassCount, MlpTask.MulticlassClassification, Activation.Sigmoid);
        var network = NetworkFactory.Create(architecture, new FixedStdInitializer(0.01f), seed: 1, new Gemm());
        long parameterCount = network.Parameters.Sum(p => (long)p.Value.Length);
        Console.WriteLine();
        Console.WriteLine($"Network: 784-50-10, sigmoid hidden layer, softmax cross-entropy, weights N(0, 0.01²), biases 0: {parameterCount:N0} parameters.");
        Console.WriteLine($"Batch: the first {BatchRows} MNIST training images. All arithmetic is float32, as in training.");

        var (backprop, backpropSeconds) = Backpropagate(network, features, data.Labels, arguments.Smoke ? 20 : 200);
        Console.WriteLine();
        Console.WriteLine($"1. Backpropagation: one forward and one backward pass give all {parameterCount:N0} gradients in {backpropSeconds * 1e3:F3} ms.");

        var sample = Sample(network);
        Console.WriteLine();
        Console.WriteLine($"2. Choosing h: central differences on {sample.Count} sampled parameters ({SampledPerTensor} per tensor) for several step sizes:");
        var sweep = new TextTable("h", "max |numerical - backprop|", "relative error");
        var maxDifferences = new List<double>();
        var relativeErrors = new List<double>();
        foreach (float h in SweepSteps)
        {
            var comparison = GradientComparison.Of([.. sample.Select(s => Entry(network, features, data.Labels, backprop, s.Parameter, s.Index, h))]);
            sweep.AddRow($"{h:G2}", $"{comparison.MaxDifference:0.00e+0}", $"{comparison.RelativeError:0.00e+0}");
            maxDifferences.Add(comparison.MaxDifference);
            relativeErrors.Add(comparison.RelativeError);
        }

        sweep.Write();
        Console.WriteLine("   Too large an h measures the curvature too (error ~ h²); too small an h drowns the difference of two nearly equal");
        Console.WriteLine("   float32 losses in rounding (error ~ 1e-7 / h). Saito uses h = 1e-4 in float64; in float32 about 1e-2 is best.");

        var targets = arguments.Smoke ? sample : [.. network.Parameters.SelectMany(p => Enumerable.Range(0, p.Value.Length).Select(i => (Parameter: p, Index: i)))];
        Console.WriteLine();
        Console.WriteLine($"3. The numerical gradient of {(arguments.Smoke ? $"the {targets.Count} sampled parameters (smoke run)" : $"all {targets.Count:N0} parameters")} with h = {StepSize}:");
        var entries = new List<GradientEntry>(targets.Count);
        var clock = Stopwatch.StartNew();
        ProgressDisplay.Run("   numerical gradient", "parameter", progress =>
        {
            foreach (var (parameter, index) in targets)
            {
                entries.Add(Entry(network, features, data.Labels, backprop, parameter, index, StepSize));
                progress.Report(entries.Count, targets.Count, loss: null);
            }
        });

        double numericalSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"   done in {numericalSeconds:F1} s");
        var table = new TextTable("tensor", "entries", "max |gradient|", "max |difference|", "mean |difference|", "relative error");
        var comparisons = entries.GroupBy(e => e.Tensor).Select(g => (Tensor: g.Key, Comparison: GradientComparison.Of([.. g]))).ToList();
        foreach (var (tensor, c) in comparisons.Append(("all", GradientComparison.Of(entries))))
        {
            table.AddRow(tensor, $"{c.Count}", $"{c.MaxGradient:0.00e+0}", $"{c.MaxDifference:0.00e+0}", $"{c.MeanDifference:0.00e+0}", $"{c.RelativeError:0.00e+0}");
        }

        table.Write();
        double perWeight = numericalSeconds / entries.Count;
        string scope = entries.Count == parameterCount
            ? $"measured for all {parameterCount:N0}"
            : $"extrapolated from {entries.Count} parameters at {perWeight * 1e3:F3} ms each";
        Console.WriteLine();
        Console.WriteLine($"Cost: numerical {perWeight * parameterCount:F1} s for all parameters ({scope}), backpropagation {backpropSeconds * 1e3:F3} ms:");
        Console.WriteLine($"backpropagation is about {perWeight * parameterCount / backpropSeconds:N0} times faster, and the ratio grows with the number of weights.");
        Console.WriteLine("The numerical gradient is the check, backpropagation the method: it applies the chain rule once per layer instead");
        Console.WriteLine("of re-running the whole network for every single weight.");

        WriteCsv(output.File("gradients.csv", "every compared gradient entry: tensor, index, backprop, numerical, difference"), entries);
        new LineChart("Central differences in float32: error against the step size h", "h", "disagreement with backprop") { LogX = true, LogY = true }
            .Add(new ChartSeries("max |numerical - backprop|", SweepSteps.Select(h => (double)h).ToList(), maxDifferences))
            .Add(new ChartSeries("relative error", SweepSteps.Select(h => (double)h).ToList(), relativeErrors))
            .Save(output, "step-size", "disagreement between the two gradients for each step size h");

        foreach (var (tensor, c) in comparisons)
        {
            Check.That(c.RelativeError < 1e-2, $"The numerical and backpropagated gradients of {tensor} disagree: relative error {c.RelativeError:0.00e+0}.");
        }
    }

    private static (float[][] Gradients, double Seconds) Backpropagate(Network network, Matrix features, float[] labels, int repeats)
    {
        network.ForwardLoss(features, labels, default);
        network.Backward();
        float[][] gradients = [.. network.Parameters.Select(p => (float[])p.Gradient.Clone())];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < repeats; i++)
        {
            network.ForwardLoss(features, labels, default);
            network.Backward();
        }

        return (gradients, clock.Elapsed.TotalSeconds / repeats);
    }

    /// <summary>The central difference for one weight: nudge it up, measure the loss, nudge it down, measure again, restore it.</summary>
    private static GradientEntry Entry(Network network, Matrix features, float[] labels, float[][] backprop, Parameter parameter, int index, float h)
    {
        float original = parameter.Value[index];
        float up = original + h, down = original - h;
        parameter.Value[index] = up;
        double lossUp = network.ForwardLoss(features, labels, default);
        parameter.Value[index] = down;
        double lossDown = network.ForwardLoss(features, labels, default);
        parameter.Value[index] = original;

        // Divide by the step actually taken: in float32, up − down is not exactly 2h.
        double numerical = (lossUp - lossDown) / ((double)up - down);
        int tensor = IndexOf(network, parameter);
        return new GradientEntry(parameter.Name, index, backprop[tensor][index], numerical);
    }

    private static int IndexOf(Network network, Parameter parameter)
    {
        for (int i = 0; i < network.Parameters.Count; i++)
        {
            if (ReferenceEquals(network.Parameters[i], parameter))
            {
                return i;
            }
        }

        throw new ArgumentException($"The parameter {parameter.Name} is not part of the network.", nameof(parameter));
    }

    private static List<(Parameter Parameter, int Index)> Sample(Network network)
    {
        var rng = new Rng(11);
        var sample = new List<(Parameter, int)>();
        foreach (var parameter in network.Parameters)
        {
            int[] indices = [.. Enumerable.Range(0, parameter.Value.Length)];
            rng.Shuffle(indices);
            sample.AddRange(indices.Take(SampledPerTensor).Order().Select(i => (parameter, i)));
        }

        return sample;
    }

    private static void WriteCsv(string path, IEnumerable<GradientEntry> entries)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("tensor,index,backprop,numerical,abs_difference");
        foreach (var e in entries)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Tensor},{e.Index},{e.Backprop:R},{e.Numerical:R},{e.Difference:R}"));
        }
    }
}
