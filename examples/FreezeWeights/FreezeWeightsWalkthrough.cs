namespace MLNetScratchTrainer.Examples.FreezeWeights;

/// <summary>
/// Grokking Deep Learning, chapter 5: a neuron predicts a win from three inputs (average toes per player, the
/// win/loss record, millions of fans). Freezing the toes weight shows that the error is shared: the other two weights
/// still drive it to zero, and once it is zero nothing, frozen or not, learns any more.
/// </summary>
internal static class FreezeWeightsWalkthrough
{
    private const int Frozen = 0;
    private const int Iterations = 12;
    private static readonly string[] Names = ["toes", "win/loss", "fans"];

    /// <summary>Runs the walkthrough; it takes milliseconds, so a smoke run is the same as a full one.</summary>
    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var neuron = new MultiInputNeuron(Inputs: [8.5, 0.65, 1.2], Goal: 1, StartWeights: [0.1, 0.2, -0.1]);
        Console.WriteLine();
        Console.WriteLine($"Inputs: toes {neuron.Inputs[0]}, win/loss {neuron.Inputs[1]}, fans {neuron.Inputs[2]}; goal {neuron.Goal} (a win); start weights {string.Join(", ", neuron.StartWeights)}.");

        Console.WriteLine();
        Console.WriteLine($"1. Freeze the toes weight (its weight delta is zeroed every step), alpha 0.3, {Iterations} iterations:");
        var frozen = neuron.Train(alpha: 0.3, Iterations, Frozen);
        Print(frozen);
        Console.WriteLine("   delta = prediction - goal is one number shared by all weights; each weight moves by alpha × delta × its input.");
        Console.WriteLine("   With toes frozen, win/loss and fans alone carry the prediction to the goal, and as delta reaches 0 every");
        Console.WriteLine("   weight delta does too: the toes weight would have learned nothing more even if it had been free. Had toes");
        Console.WriteLine("   mattered for other examples, this network would never have found out: the error was already explained.");

        Console.WriteLine();
        Console.WriteLine($"2. Nothing frozen, alpha 0.01 (the toes input of {neuron.Inputs[0]} makes alpha 0.3 diverge), {Iterations} iterations:");
        var free = neuron.Train(alpha: 0.01, Iterations, frozen: null);
        Print(free);
        var exploding = neuron.Train(alpha: 0.3, 4, frozen: null);
        Console.WriteLine($"   (With alpha 0.3 and nothing frozen the error goes {string.Join(" → ", exploding.Select(s => s.Error.ToString("0.00e+0")))}: the same");
        Console.WriteLine("    divergence as HotColdLearning's input 2. Freezing toes removed the large input, which is why 0.3 was safe.)");
        Console.WriteLine("   Free, the toes weight moves most, because its input is the largest: the shared error is split by input size.");

        Check.That(frozen.All(s => s.Weights[Frozen] == neuron.StartWeights[Frozen]), "The frozen weight changed.");
        Check.That(frozen[^1].Error < 1e-4 * frozen[0].Error, $"With the toes weight frozen the error only fell to {frozen[^1].Error}.");
        Check.That(free[^1].Error < 1e-2 * free[0].Error, $"With nothing frozen the error only fell to {free[^1].Error}.");
        Check.That(exploding[^1].Error > exploding[0].Error, "Alpha 0.3 with nothing frozen was expected to diverge.");

        new LineChart("Error per iteration: toes weight frozen versus all weights free", "iteration", "squared error") { LogY = true }
            .Add(Series("toes frozen, alpha 0.3", frozen, s => s.Error))
            .Add(Series("all free, alpha 0.01", free, s => s.Error))
            .Save(output, "error", "error per iteration, frozen versus free");
        var weights = new LineChart("Weights per iteration (toes frozen)", "iteration", "weight");
        for (int j = 0; j < Names.Length; j++)
        {
            int input = j;
            weights.Add(Series($"{Names[j]} weight{(j == Frozen ? " (frozen)" : string.Empty)}", frozen, s => s.Weights[input]));
        }

        weights.Save(output, "weights", "the three weights per iteration with the toes weight frozen");
    }

    private static ChartSeries Series(string name, List<TrainingStep> steps, Func<TrainingStep, double> value) =>
        new(name, [.. steps.Select(s => (double)s.Iteration)], [.. steps.Select(value)]);

    private static void Print(List<TrainingStep> steps)
    {
        var table = new TextTable(
            ["iteration", "prediction", "error", "delta", .. Names.Select(n => $"w {n}"), .. Names.Select(n => $"Δw {n}")]);
        foreach (var step in steps)
        {
            table.AddRow(
                [$"{step.Iteration}", $"{step.Prediction:F4}", $"{step.Error:0.000e+0}", Format(step.Delta), .. step.Weights.Select(w => $"{w:F4}"), .. step.WeightDeltas.Select(Format)]);
        }

        table.Write();
    }

    private static string Format(double value) => Math.Abs(value) is > 0 and < 1e-3 ? value.ToString("0.00e+0") : value.ToString("F4");
}
