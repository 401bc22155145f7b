using System.Diagnostics;

namespace MLNetScratchTrainer.Examples.MnistEngine;

/// <summary>
/// Trains a 784-256-128-10 ReLU network on MNIST with the engine's <see cref="MlpTrainer"/> (Adam, learning rate 1e-3,
/// mini-batches of 128), then measures test accuracy, saves the model and checks that the reloaded model predicts
/// exactly the same numbers.
/// </summary>
internal static class MnistEngineWalkthrough
{
    private const int SmokeTrainRows = 2000;
    private const int SmokeTestRows = 1000;

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        int epochs = arguments.Integer("--epochs", arguments.Smoke ? 1 : 5);
        var train = MnistData.Load(arguments, MnistPart.Train, arguments.Smoke ? SmokeTrainRows : null);
        var test = MnistData.Load(arguments, MnistPart.Test, arguments.Smoke ? SmokeTestRows : null);

        var options = new MlpTrainerOptions
        {
            HiddenLayers = [256, 128],
            Activation = Activation.Relu,
            LearningRate = 1e-3f,
            BatchSize = 128,
            NumberOfEpochs = epochs,
            Seed = 1,
        };
        long parameters = new MlpArchitecture(Mnist.FeatureCount, options.HiddenLayers!, Mnist.ClassCount, MlpTask.MulticlassClassification).ParameterCount;
        Console.WriteLine();
        Console.WriteLine($"Training 784-256-128-10 ReLU ({parameters:N0} parameters), He initialisation, softmax cross-entropy, Adam lr 1e-3,");
        Console.WriteLine($"batch 128, {epochs} epoch(s) on {train.Count} images, {Environment.ProcessorCount} thread(s):");
        var clock = Stopwatch.StartNew();
        var model = ProgressDisplay.Run("MnistEngine", "batch", progress =>
        {
            progress.Attach(options);
            return new MlpTrainer(options).Fit(train);
        });
        double trainSeconds = clock.Elapsed.TotalSeconds;

        double accuracy = Accuracy.Of(model, test);
        string modelPath = output.File("mnist-engine-model.zip", "the trained model (MlpModel.Save); load it with MlpModel.Load");
        model.Save(modelPath);
        var reloaded = MlpModel.Load(modelPath);
        var before = new float[test.Count * model.OutputSize];
        var after = new float[before.Length];
        model.PredictBatch(test.Features, before);
        reloaded.PredictBatch(test.Features, after);
        int differing = before.Where((value, i) => BitConverter.SingleToInt32Bits(value) != BitConverter.SingleToInt32Bits(after[i])).Count();

        var table = new TextTable("epoch", "train loss", "seconds");
        foreach (var record in model.History.Epochs)
        {
            table.AddRow($"{record.Epoch}", $"{record.TrainLoss:F4}", $"{record.Seconds:F1}");
        }

        string summary = string.Join(
            Environment.NewLine,
            table.ToString().TrimEnd(),
            string.Empty,
            $"Training: {trainSeconds:F1} s in all, {model.History.Epochs.Average(e => e.Seconds):F1} s per epoch on average.",
            $"Test accuracy: {accuracy:P2} on {test.Count} test images.",
            $"Model saved to {modelPath} ({new FileInfo(modelPath).Length / 1024.0:F0} KiB) and reloaded: {before.Length - differing} of {before.Length} predicted probabilities bit-identical.");
        Console.WriteLine();
        Console.WriteLine(summary);
        File.WriteAllText(output.File("summary.txt", "per-epoch loss and time, test accuracy, save/reload check"), summary + Environment.NewLine);

        Check.That(differing == 0, $"The reloaded model predicts differently for {differing} values.");
        Check.That(accuracy > (arguments.Smoke ? 0.5 : 0.95), $"Test accuracy {accuracy:P2} is far below what this network reaches.");
    }
}
