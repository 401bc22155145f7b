namespace MLNetScratchTrainer.Examples.LogicGates;

/// <summary>
/// Saito, "Deep Learning from Scratch", chapter 2: a perceptron y = step(w·x + b) with hand-set weights is an AND,
/// NAND or OR gate; the perceptron rule learns those three but never XOR, because no straight line separates XOR's
/// classes; stacking gates (XOR = AND(NAND, OR)) or training a two-layer network by backpropagation solves it.
/// </summary>
internal static class LogicGatesWalkthrough
{
    private const float PerceptronLearningRate = 0.1f;
    private const int PerceptronPasses = 20;

    /// <summary>Runs the walkthrough; it takes a fraction of a second, so a smoke run is the same as a full one.</summary>
    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var and = new Perceptron([0.5f, 0.5f], -0.7f);
        var nand = new Perceptron([-0.5f, -0.5f], 0.7f);
        var or = new Perceptron([0.5f, 0.5f], -0.2f);
        ShowHandSetGates(and, nand, or);

        var mistakes = ShowPerceptronRule([LogicGate.And, LogicGate.Nand, LogicGate.Or, LogicGate.Xor], PerceptronPasses);
        ShowComposedXor(and, nand, or);
        var losses = ShowTwoLayerNetwork();

        var ruleChart = new LineChart("Perceptron rule: misclassified rows after each pass", "pass over the 4 rows", "misclassified rows (of 4)")
        {
            YMinimum = 0,
            YMaximum = 4,
        };
        foreach (var (gate, curve) in mistakes)
        {
            ruleChart.Add(ChartSeries.Indexed(gate, curve));
        }

        ruleChart.Save(output, "perceptron-rule", "misclassified rows per pass of the perceptron rule, AND/NAND/OR/XOR");
        new LineChart("XOR: a 2-2-1 tanh network trained by backpropagation", "epoch", "cross-entropy loss") { LogY = true }
            .Add(ChartSeries.Indexed("training loss", losses))
            .Save(output, "xor-mlp-loss", "loss per epoch of the two-layer network learning XOR");
    }

    private static void ShowHandSetGates(Perceptron and, Perceptron nand, Perceptron or)
    {
        Console.WriteLine();
        Console.WriteLine("1. Hand-set perceptrons y = step(w1·x1 + w2·x2 + b), weights as in Saito's book:");
        Console.WriteLine("   AND w = (0.5, 0.5), b = -0.7;  NAND w = (-0.5, -0.5), b = 0.7;  OR w = (0.5, 0.5), b = -0.2");
        var table = new TextTable("x1", "x2", "AND", "NAND", "OR");
        for (int row = 0; row < LogicGate.Rows; row++)
        {
            var x = LogicGate.Row(row);
            table.AddRow($"{x[0]}", $"{x[1]}", $"{and.Predict(x)}", $"{nand.Predict(x)}", $"{or.Predict(x)}");
        }

        table.Write();
        foreach (var (gate, perceptron) in new[] { (LogicGate.And, and), (LogicGate.Nand, nand), (LogicGate.Or, or) })
        {
            Check.That(perceptron.Accuracy(LogicGate.Inputs, gate.Targets) == 1, $"The hand-set {gate.Name} perceptron gets a row wrong.");
        }
    }

    private static List<(string Gate, double[] Mistakes)> ShowPerceptronRule(LogicGate[] gates, int passes)
    {
        Console.WriteLine();
        Console.WriteLine($"2. Learning the weights with the perceptron rule w += {PerceptronLearningRate}·(t - y)·x, b += {PerceptronLearningRate}·(t - y), from zero, {passes} passes at most:");
        var table = new TextTable("gate", "converged after", "w1", "w2", "b", "accuracy per pass");
        var curves = new List<(string, double[])>();
        foreach (var gate in gates)
        {
            var perceptron = new Perceptron(2);
            var mistakes = new List<double>();
            var accuracies = new List<string>();
            int? converged = null;
            for (int pass = 1; pass <= passes && converged is null; pass++)
            {
                perceptron.Train(LogicGate.Inputs, gate.Targets, maxEpochs: 1, PerceptronLearningRate);
                double accuracy = perceptron.Accuracy(LogicGate.Inputs, gate.Targets);
                mistakes.Add(Math.Round((1 - accuracy) * LogicGate.Rows));
                accuracies.Add($"{accuracy * 100:0}%");
                converged = accuracy == 1 ? pass : null;
            }

            string shown = accuracies.Count <= 8 ? string.Join(" ", accuracies) : string.Join(" ", accuracies.Take(8)) + " …";
            table.AddRow(gate.Name, converged is int p ? $"{p} passes" : $"never ({passes})", $"{perceptron.Weights[0]:0.0#}", $"{perceptron.Weights[1]:0.0#}", $"{perceptron.Bias:0.0#}", shown);
            curves.Add((gate.Name, [.. mistakes]));
            bool separable = gate != LogicGate.Xor;
            Check.That(separable == (converged is not null), $"The perceptron rule {(separable ? "did not learn" : "learned")} {gate.Name}, against the theory.");
        }

        table.Write();
        Console.WriteLine("   AND, NAND and OR are linearly separable, so the rule converges. XOR is not: whatever line w·x + b = 0");
        Console.WriteLine("   the rule tries, at least one of the four rows is on the wrong side, so it keeps correcting forever.");
        return curves;
    }

    private static void ShowComposedXor(Perceptron and, Perceptron nand, Perceptron or)
    {
        Console.WriteLine();
        Console.WriteLine("3. Two layers of hand-set perceptrons: s1 = NAND(x1, x2), s2 = OR(x1, x2), y = AND(s1, s2):");
        var table = new TextTable("x1", "x2", "s1 = NAND", "s2 = OR", "y = AND(s1, s2)", "XOR");
        for (int row = 0; row < LogicGate.Rows; row++)
        {
            var x = LogicGate.Row(row);
            int s1 = nand.Predict(x), s2 = or.Predict(x);
            int y = and.Predict([s1, s2]);
            table.AddRow($"{x[0]}", $"{x[1]}", $"{s1}", $"{s2}", $"{y}", $"{LogicGate.Xor.Targets[row]}");
            Check.That(y == LogicGate.Xor.Targets[row], $"NAND + OR → AND gives {y} for ({x[0]}, {x[1]}), not XOR.");
        }

        table.Write();
        Console.WriteLine("   The first layer maps the four points to (s1, s2), where a single line does separate them.");
    }

    private static double[] ShowTwoLayerNetwork()
    {
        const int seeds = 5;
        Console.WriteLine();
        Console.WriteLine("4. The same shape learned instead of hand-set: 2 inputs → 2 tanh units → 1 sigmoid output, trained by backpropagation");
        Console.WriteLine($"   (binary cross-entropy, Adam, learning rate 0.1, all four rows per batch, 300 epochs), from {seeds} random starts:");
        var labels = LogicGate.Xor.Targets.Select(t => (float)t).ToArray();
        var data = new Dataset(LogicGate.Inputs, 2, labels);
        var runs = new TextTable("seed", "first loss", "last loss", "accuracy");
        MlpModel? solved = null;
        for (int seed = 1; seed <= seeds; seed++)
        {
            var model = Train(data, seed);
            var epochs = model.History.Epochs;
            int correct = Enumerable.Range(0, LogicGate.Rows).Count(row => Predict(model, row) == LogicGate.Xor.Targets[row]);
            runs.AddRow($"{seed}", $"{epochs[0].TrainLoss:F4}", $"{epochs[^1].TrainLoss:F4}", $"{correct}/{LogicGate.Rows}");
            solved ??= correct == LogicGate.Rows ? model : null;
        }

        runs.Write();
        Console.WriteLine("   With only two hidden units some starts end in a local minimum (loss near 0.35 = ln 2 / 2: two rows");
        Console.WriteLine("   are right, two sit at P = 0.5). More hidden units, or another start, escape it.");
        Check.That(solved is not null, $"None of the {seeds} two-layer networks learned XOR.");

        var table = new TextTable("x1", "x2", "P(y = 1)", "prediction", "XOR");
        for (int row = 0; row < LogicGate.Rows; row++)
        {
            var x = LogicGate.Row(row);
            table.AddRow($"{x[0]}", $"{x[1]}", $"{solved!.Predict(x)[0]:F4}", $"{Predict(solved, row)}", $"{LogicGate.Xor.Targets[row]}");
        }

        Console.WriteLine("   The first network that reached 100 %:");
        table.Write();
        var w = solved!.GetTensor("dense0.weight");
        var b = solved.GetTensor("dense0.bias");
        Console.WriteLine($"   Hidden unit 1: tanh({w[0]:0.00}·x1 {w[2]:+0.00;-0.00}·x2 {b[0]:+0.00;-0.00});  hidden unit 2: tanh({w[1]:0.00}·x1 {w[3]:+0.00;-0.00}·x2 {b[1]:+0.00;-0.00})");
        Console.WriteLine("   Each hidden unit draws one line; the output unit combines the two half-planes, as NAND, OR and AND did by hand.");
        return [.. solved.History.Epochs.Select(e => e.TrainLoss)];
    }

    private static MlpModel Train(Dataset data, int seed)
    {
        var options = new MlpTrainerOptions
        {
            Task = MlpTask.BinaryClassification,
            HiddenLayers = [2],
            Activation = Activation.Tanh,
            LearningRate = 0.1f,
            BatchSize = LogicGate.Rows,
            NumberOfEpochs = 300,
            NumberOfThreads = 1,
            Seed = seed,
        };
        return new MlpTrainer(options).Fit(data);
    }

    private static int Predict(MlpModel model, int row) => model.Predict(LogicGate.Row(row))[0] > 0.5f ? 1 : 0;
}
