namespace MLNetScratchTrainer.Examples.Overfitting;

/// <summary>
/// Saito, chapter 6.4: a 784-100×6-10 ReLU network trained on only 300 MNIST images reaches 100 % on them while test
/// accuracy stalls far below: it memorised. Weight decay (an L2 penalty λ/2·‖W‖²) and dropout (dropping 20 % of
/// hidden outputs at random in training) hold it back and narrow the gap.
/// </summary>
internal static class OverfittingWalkthrough
{
    private const int TrainRows = 300;
    private const int BatchSize = 100;
    private const float LearningRate = 0.01f;
    private static readonly ScottPlot.IPalette Palette = new ScottPlot.Palettes.Category10();

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        int epochs = arguments.Integer("--epochs", arguments.Smoke ? 5 : 200);
        int testRows = arguments.Smoke ? 500 : 2000;
        var train = MnistData.Load(arguments, MnistPart.Train, TrainRows);
        var test = MnistData.Load(arguments, MnistPart.Test, testRows);
        Regularisation[] setups =
        [
            new("no regularisation", 0f, 0f),
            new("weight decay λ = 0.1", 0.1f, 0f),
            new("dropout 0.2", 0f, 0.2f),
        ];
        Console.WriteLine();
        Console.WriteLine($"784-100-100-100-100-100-100-10 ReLU, He initialisation, SGD learning rate {LearningRate}, batches of {BatchSize}, {epochs} epochs");
        Console.WriteLine($"on the first {TrainRows} training images; accuracy after every epoch on them and on the first {test.Count} test images.");
        Console.WriteLine("Training runs one epoch per MlpTrainer.Fit call, each warm-started from the previous model (plain SGD keeps no");
        Console.WriteLine("state between steps, so this equals one long run), and measures both accuracies in between.");

        foreach (var setup in setups)
        {
            ProgressDisplay.Run($"{setup.Name,-20}", "epoch", progress =>
            {
                MlpModel? model = null;
                for (int epoch = 1; epoch <= epochs; epoch++)
                {
                    var options = new MlpTrainerOptions
                    {
                        HiddenLayers = [100, 100, 100, 100, 100, 100],
                        Optimizer = OptimizerKind.Sgd,
                        LearningRate = LearningRate,
                        WeightDecay = setup.WeightDecay,
                        DropoutRate = setup.DropoutRate,
                        BatchSize = BatchSize,
                        NumberOfEpochs = 1,
                        Seed = epoch,
                    };
                    model = new MlpTrainer(options).Fit(train, initialModel: model);
                    setup.TrainAccuracy.Add(Accuracy.Of(model, train));
                    setup.TestAccuracy.Add(Accuracy.Of(model, test));
                    progress.Report(epoch, epochs, model.History.Epochs[0].TrainLoss);
                }

                progress.WriteLine($"{setup.Name}: train {setup.TrainAccuracy[^1]:P1}, test {setup.TestAccuracy[^1]:P1} after {epochs} epochs ({progress.Elapsed.TotalSeconds:F1} s)");
            });
        }

        PrintTable(setups, epochs);
        Console.WriteLine("Without regularisation the network soon classifies all 300 training images correctly while the test accuracy");
        Console.WriteLine("stays far lower: it memorised them. Weight decay keeps the weights small and dropout keeps units from relying on");
        Console.WriteLine("each other; both learn the training set more slowly and leave a smaller gap.");

        var chart = new LineChart($"Train (faint) and test (full) accuracy, {TrainRows} training images", "epoch", "accuracy") { YMinimum = 0, YMaximum = 1 };
        for (int i = 0; i < setups.Length; i++)
        {
            var color = Palette.GetColor(i);
            chart.Add(ChartSeries.Indexed($"{setups[i].Name}, train", setups[i].TrainAccuracy) with { Color = color, Faint = true });
            chart.Add(ChartSeries.Indexed($"{setups[i].Name}, test", setups[i].TestAccuracy) with { Color = color });
        }

        chart.Save(output, "accuracy", "train and test accuracy per epoch for the three setups");
        var plain = setups[0];
        Check.That(
            arguments.Smoke || plain.TrainAccuracy[^1] - plain.TestAccuracy[^1] > 0.1,
            $"Without regularisation train accuracy {plain.TrainAccuracy[^1]:P1} is not well above test accuracy {plain.TestAccuracy[^1]:P1}: no overfitting shown.");
    }

    private static void PrintTable(Regularisation[] setups, int epochs)
    {
        var table = new TextTable(["epoch", .. setups.SelectMany(s => new[] { $"{s.Name}: train", "test" })]);
        int every = Math.Max(1, epochs / 10);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            if (epoch == 1 || epoch % every == 0 || epoch == epochs)
            {
                table.AddRow([$"{epoch}", .. setups.SelectMany(s => new[] { $"{s.TrainAccuracy[epoch - 1]:P1}", $"{s.TestAccuracy[epoch - 1]:P1}" })]);
            }
        }

        table.AddRow(["gap", .. setups.SelectMany(s => new[] { $"{s.TrainAccuracy[^1] - s.TestAccuracy[^1]:P1}", string.Empty })]);
        table.Write();
    }
}
