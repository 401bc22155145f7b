using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer;

// Deliberately outside the MLNetScratchTrainer namespace, where a user's code is: only the using lines above bring the
// plugin's names in, so this file compiling proves that one `using MLNetScratchTrainer;` suffices for the usage the
// README and docs/plugin.md show, every option and enum included.
namespace DocumentedUsage;

/// <summary>The documented plugin usage, written as a user writes it, trains models that learn.</summary>
[TestClass]
public sealed class DocumentedUsageTests
{
    [TestMethod]
    public void TheReadmesMulticlassPipeline_LearnsAndSaves()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Flower.Generate(150, seed: 2));
        var test = ml.Data.LoadFromEnumerable(Flower.Generate(60, seed: 3));

        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "target")
            .Append(ml.Transforms.Concatenate("Features", "sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.Mlp(hiddenLayers: [32], numberOfEpochs: 100))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(train);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
        using var saved = new MemoryStream();
        ml.Model.Save(model, train.Schema, saved);

        Assert.IsGreaterThan(0.9, metrics.MacroAccuracy);
        Assert.IsGreaterThan(0L, saved.Length);
    }

    [TestMethod]
    public void TheBinaryTrainerWithEveryOption_Learns()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Flower.Generate(200, seed: 4).Select(f => new WeightedFlower(f.PetalLength > 3f, [f.SepalLength, f.PetalLength], 1f)));
        var epochs = new List<EpochRecord>();
        int batches = 0;
        var options = new MlpOptions
        {
            LabelColumnName = "IsLong",
            FeatureColumnName = "Measures",
            ExampleWeightColumnName = "Weight",
            DropInvalidRows = true,
            ClassCount = 2,
            HiddenLayers = [16, 8],
            Activation = Activation.LeakyRelu,
            DropoutRate = 0.05f,
            LabelSmoothing = 0.05f,
            BatchNormalization = true,
            LinearSkip = true,
            Initializer = InitializerKind.He,
            InitialStd = 0.05f,
            Optimizer = OptimizerKind.Adam,
            OptimizerSettings = new OptimizerSettings { Beta2 = 0.99f },
            LearningRate = 0.01f,
            LearningRateSchedule = LearningRateSchedule.Cosine(40),
            WeightDecay = 1e-4f,
            GradientClipNorm = 5f,
            StandardizeRegressionTargets = false,
            InputScaling = InputScaling.None,
            SmoothClipBound = null,
            RejectMissingFeatures = true,
            BatchSize = 16,
            NumberOfEpochs = 40,
            Shuffle = false,
            DataLoading = DataLoading.InMemory,
            ShuffleBufferRows = 64,
            ValidationFraction = 0.2f,
            KeepBestEpoch = false,
            WeightAveragingEpochs = 0.5f,
            BinaryValidationMetric = BinaryValidationMetric.AreaUnderRocCurve,
            EarlyStoppingPatience = 0,
            EarlyStoppingTolerance = 1e-3f,
            MaximumTrainingTime = TimeSpan.FromMinutes(10),
            Seed = 7,
            NumberOfThreads = 1,
            EpochCompleted = epochs.Add,
            BatchCompleted = (epoch, batch, batchesPerEpoch) => batches++,
        };

        var transformer = ml.BinaryClassification.Trainers.Mlp(options).Fit(data);
        var metrics = ml.BinaryClassification.Evaluate(transformer.Transform(data), labelColumnName: "IsLong");

        Assert.IsGreaterThan(0.9, metrics.Accuracy);
        Assert.AreEqual(StopReason.Completed, transformer.History.StopReason);
        Assert.HasCount(40, epochs);
        Assert.AreEqual(40 * 10, batches, "160 training rows after the validation split, 16 a batch");
        foreach (var option in typeof(MlpOptions).GetProperties().Where(p => p.CanWrite && p.Name != nameof(MlpOptions.Task)))
        {
            Assert.AreNotEqual(option.GetValue(new MlpOptions()), option.GetValue(options), $"{option.Name} keeps its default: set it above, so that this file shows its type needs no other using");
        }
    }

    [TestMethod]
    public void TheRegressionPipeline_Learns()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Flower.Generate(150, seed: 5));
        string[] featureNames = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm"];

        var pipeline = ml.Transforms.Concatenate("Features", featureNames)
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.Regression.Trainers.Mlp(labelColumnName: "petal_width_cm"));
        var transformer = pipeline.Fit(train);
        var r2 = ml.Regression.Evaluate(transformer.Transform(train), labelColumnName: "petal_width_cm").RSquared;

        Assert.IsGreaterThan(0.8, r2);
    }

    /// <summary>A row with the columns the README's pipeline reads: three species whose petals grow with their class.</summary>
    private sealed class Flower
    {
        private static readonly string[] Species = ["setosa", "versicolor", "virginica"];

        [ColumnName("sepal_length_cm")]
        public float SepalLength { get; set; }

        [ColumnName("sepal_width_cm")]
        public float SepalWidth { get; set; }

        [ColumnName("petal_length_cm")]
        public float PetalLength { get; set; }

        [ColumnName("petal_width_cm")]
        public float PetalWidth { get; set; }

        [ColumnName("target")]
        public string Target { get; set; } = string.Empty;

        public static IEnumerable<Flower> Generate(int count, int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < count; i++)
            {
                int species = i % 3;
                float noise() => (random.NextSingle() - 0.5f) * 0.6f;
                float petal = 1.5f + (2.2f * species) + noise();
                yield return new Flower
                {
                    SepalLength = 5f + (0.6f * species) + noise(),
                    SepalWidth = 3.3f - (0.3f * species) + noise(),
                    PetalLength = petal,
                    PetalWidth = (0.35f * petal) + (0.2f * noise()),
                    Target = Species[species],
                };
            }
        }
    }

    /// <summary>A binary row with a feature vector and an example weight.</summary>
    private sealed record WeightedFlower(bool IsLong, [property: VectorType(2)] float[] Measures, float Weight);
}
