using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>How the trainers read data, log, use validation data and weights, and what the transformers expose and output.</summary>
[TestClass]
public sealed class TrainingTests
{
    [TestMethod]
    public void TrainingReadsAnUncachedDataViewOnceThroughACursor()
    {
        var ml = new MLContext(seed: 1);
        var data = new CountingDataView(ml.Data.LoadFromEnumerable(InMemoryRows.Single(50)));

        ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(data);

        Assert.AreEqual(1, data.Cursors);
    }

    [TestMethod]
    public void ProgressGoesToTheContextLog()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => messages.Add(e.Message);

        ml.Regression.Trainers.Mlp(FastOptions.Create(epochs: 3)).Fit(ml.Data.LoadFromEnumerable(InMemoryRows.Single(50)));

        string log = string.Join(Environment.NewLine, messages);
        StringAssert.Contains(log, "Training an Mlp (Regression): 3 features, hidden layers [8], 50 training rows, at most 3 epochs.");
        StringAssert.Contains(log, "Mlp epoch 1/3: training loss");
        StringAssert.Contains(log, "Mlp epoch 3/3: training loss");
        StringAssert.Contains(log, "Mlp training finished");
    }

    [TestMethod]
    public void ProgressCallbacksSeeEveryBatchAndEpoch()
    {
        var ml = new MLContext(seed: 1);
        var options = FastOptions.Create(epochs: 3);
        options.BatchSize = 10;
        var batches = new List<(int Epoch, int Batch, int Batches)>();
        var epochs = new List<int>();
        options.BatchCompleted = (epoch, batch, count) => batches.Add((epoch, batch, count));
        options.EpochCompleted = record => epochs.Add(record.Epoch);

        ml.Regression.Trainers.Mlp(options).Fit(ml.Data.LoadFromEnumerable(InMemoryRows.Single(50)));

        Assert.HasCount(15, batches);
        Assert.AreEqual((1, 1, 5), batches[0]);
        Assert.AreEqual((3, 5, 5), batches[^1]);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, epochs);
    }

    [TestMethod]
    public void TheTransformerExposesTheEngineModelAndItsHistory()
    {
        var ml = new MLContext(seed: 1);
        var options = FastOptions.Create(epochs: 4);
        options.HiddenLayers = [5, 4];

        var transformer = ml.MulticlassClassification.Trainers.Mlp(options).Fit(ml.Data.LoadFromEnumerable(InMemoryRows.Keys(60)));

        Assert.AreEqual(3, transformer.Model.InputSize);
        Assert.AreEqual(3, transformer.ClassCount);
        CollectionAssert.AreEqual(new[] { 5, 4 }, transformer.Model.Architecture.HiddenLayers.ToArray());
        Assert.HasCount(4, transformer.History.Epochs);
        Assert.AreEqual(StopReason.Completed, transformer.History.StopReason);
        Assert.HasCount(3, transformer.Model.CreateNetwork().Layers.OfType<Dense>());
        Assert.AreEqual("Features", transformer.FeatureColumnName);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), transformer.FeatureColumnType);
    }

    [TestMethod]
    public void TheDefaultScheduleAnnealsTheLearningRateToZeroOverTheEpochsAndConstantKeepsIt()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(InMemoryRows.Single(40));
        var annealed = FastOptions.Create(epochs: 4);
        var constant = FastOptions.Create(epochs: 4);
        constant.LearningRateSchedule = LearningRateSchedule.Constant();

        var annealedRates = ml.Regression.Trainers.Mlp(annealed).Fit(data).History.Epochs.Select(epoch => epoch.LearningRate).ToArray();
        var constantRates = ml.Regression.Trainers.Mlp(constant).Fit(data).History.Epochs.Select(epoch => epoch.LearningRate).ToArray();

        // Cosine(4): lr·(1 + cos(π·e/4))/2 for epochs e = 0…3.
        float lr = annealed.LearningRate;
        CollectionAssert.AreEqual(new[] { lr, lr * 0.8535534f, lr * 0.5f, lr * 0.14644662f }, annealedRates, new RelativeComparer(1e-5));
        CollectionAssert.AreEqual(new[] { lr, lr, lr, lr }, constantRates);
    }

    private sealed class RelativeComparer(double tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance * Math.Abs((float)y!) ? 0 : 1;
    }

    [TestMethod]
    public void FitWithValidationDataRecordsItAndStopsEarly()
    {
        var ml = new MLContext(seed: 1);
        var options = FastOptions.Create(epochs: 500);
        options.EarlyStoppingPatience = 3;
        options.LearningRate = 0.05f;
        var rows = InMemoryRows.Single(120);

        var transformer = ml.Regression.Trainers.Mlp(options).Fit(ml.Data.LoadFromEnumerable(rows[..90]), ml.Data.LoadFromEnumerable(rows[90..]));

        var history = transformer.History;
        Assert.AreEqual(StopReason.EarlyStopped, history.StopReason);
        Assert.IsLessThan(500, history.Epochs.Count);
        Assert.IsTrue(history.Epochs.All(epoch => epoch.ValidationLoss is not null && epoch.ValidationMetric is not null));
        Assert.AreEqual(history.Epochs.MinBy(epoch => epoch.ValidationLoss)!.Epoch, history.BestEpoch);
    }

    [TestMethod]
    public void TheWeightColumnIsHonoured()
    {
        // Rows with x₂ > 0.5 carry the opposite label, with weight 0: only a model that honours the weights learns x₀ > x₁.
        var ml = new MLContext(seed: 1);
        var rows = InMemoryRows.Booleans(600);
        foreach (var row in rows.Where(row => row.Features[2] > 0.5f))
        {
            row.Label = !row.Label;
            row.Weight = 0f;
        }

        var train = ml.Data.LoadFromEnumerable(rows);
        var test = ml.Data.LoadFromEnumerable(InMemoryRows.Booleans(900)[600..]);
        var weighted = FastOptions.Create(epochs: 60);
        weighted.ExampleWeightColumnName = "Weight";

        double withWeights = ml.BinaryClassification.Evaluate(ml.BinaryClassification.Trainers.Mlp(weighted).Fit(train).Transform(test)).Accuracy;
        double withoutWeights = ml.BinaryClassification.Evaluate(ml.BinaryClassification.Trainers.Mlp(FastOptions.Create(epochs: 60)).Fit(train).Transform(test)).Accuracy;

        Assert.IsGreaterThan(0.9, withWeights);
        Assert.IsLessThan(0.8, withoutWeights);
    }

    [TestMethod]
    public void MulticlassOutputsCarryTheLabelsKeyValues()
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, MlpTask.MulticlassClassification, vectorFeatures: true);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "target").Append(ml.Transforms.NormalizeMinMax("Features", "RawFeatures")).Fit(data.Data).Transform(data.Data);

        var schema = ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create()).Fit(keyed).GetOutputSchema(keyed.Schema);

        var score = schema["Score"];
        var predicted = schema["PredictedLabel"];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), score.Type);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), predicted.Type);
        Assert.AreEqual("0 1 2", string.Join(" ", Annotation<VBuffer<float>>(predicted, "KeyValues").DenseValues()));
        Assert.AreEqual("0 1 2", string.Join(" ", Annotation<VBuffer<ReadOnlyMemory<char>>>(score, "SlotNames").DenseValues()));
        Assert.AreEqual("MulticlassClassification", Annotation<ReadOnlyMemory<char>>(score, "ScoreColumnKind").ToString());
        Assert.AreEqual("Score", Annotation<ReadOnlyMemory<char>>(score, "ScoreValueKind").ToString());
        Assert.AreEqual("PredictedLabel", Annotation<ReadOnlyMemory<char>>(predicted, "ScoreValueKind").ToString());
        Assert.AreEqual(Annotation<uint>(score, "ScoreColumnSetId"), Annotation<uint>(predicted, "ScoreColumnSetId"));
    }

    [TestMethod]
    public void MulticlassAcceptsClassIndicesAsSingleLabels()
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, MlpTask.MulticlassClassification, vectorFeatures: true);
        var pipeline = ml.Transforms.NormalizeMinMax("Features", "RawFeatures")
            .Append(ml.MulticlassClassification.Trainers.Mlp(TestPipelines.Options(label: "target")))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var scored = pipeline.Fit(data.Data).Transform(data.Data);

        var predicted = ml.Data.CreateEnumerable<MulticlassPrediction>(scored, reuseRowObject: false).Select(p => p.PredictedLabel).Distinct().Order().ToArray();
        CollectionAssert.AreEqual(new[] { 0f, 1f, 2f }, predicted);
        Assert.IsGreaterThan(0.95, ml.MulticlassClassification.Evaluate(scored, labelColumnName: "target").MicroAccuracy);
    }

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void TheEstimatorPromisesTheSchemaThePipelineProduces(MlpTask task)
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, task, vectorFeatures: true);
        var pipeline = TestPipelines.Mlp(ml, task, data, FastOptions.Create(epochs: 2));

        var promised = pipeline.GetOutputSchema(SchemaShapes.Of(data.Data.Schema));
        var produced = pipeline.Fit(data.Data).GetOutputSchema(data.Data.Schema);

        string[] added = task switch
        {
            MlpTask.MulticlassClassification => ["Score", "PredictedLabel"],
            MlpTask.BinaryClassification => ["Score", "Probability", "PredictedLabel"],
            _ => ["Score"],
        };
        foreach (string name in added)
        {
            var shape = promised.Single(column => column.Name == name);
            var column = produced[name];
            var expected = SchemaShapes.Of(produced).Single(c => c.Name == name);
            Assert.AreEqual(expected.Kind, shape.Kind, name);
            Assert.AreEqual(expected.ItemType, shape.ItemType, name);
            Assert.AreEqual(expected.IsKey, shape.IsKey, name);
            CollectionAssert.AreEquivalent(column.Annotations.Schema.Select(a => a.Name).ToArray(), shape.Annotations.Select(a => a.Name).ToArray(), name);
        }
    }

    [TestMethod]
    public void BinaryScoreIsTheLogOddsOfTheProbability()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(InMemoryRows.Single(80, binary: true));

        var scored = ml.BinaryClassification.Trainers.Mlp(FastOptions.Create(epochs: 30)).Fit(data).Transform(data);

        var predictions = ml.Data.CreateEnumerable<BinaryPrediction>(scored, reuseRowObject: false).ToList();
        Assert.IsTrue(predictions.Any(p => p.PredictedLabel) && predictions.Any(p => !p.PredictedLabel));
        foreach (var prediction in predictions)
        {
            Assert.AreEqual(Sigmoid.Function(prediction.Score), prediction.Probability, 1e-6f);
            Assert.AreEqual(prediction.Score > 0, prediction.PredictedLabel);
        }

        Assert.IsGreaterThan(0.9, ml.BinaryClassification.Evaluate(scored).Accuracy);
    }

    [TestMethod]
    public void CrossValidationWorksWithTheMlp()
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, MlpTask.MulticlassClassification);
        var pipeline = TestPipelines.Mlp(ml, MlpTask.MulticlassClassification, data);

        var folds = ml.MulticlassClassification.CrossValidate(data.Data, pipeline, numberOfFolds: 3);

        Assert.HasCount(3, folds);
        Assert.IsTrue(folds.All(fold => fold.Metrics.MicroAccuracy > 0.9), string.Join(", ", folds.Select(fold => fold.Metrics.MicroAccuracy)));
    }

    [TestMethod]
    public void WithoutASeedTheContextsSeedMakesRunsRepeatable()
    {
        static float[] Weights(int contextSeed)
        {
            var ml = new MLContext(seed: contextSeed);
            var options = FastOptions.Create(epochs: 2);
            options.Seed = null;
            return ml.Regression.Trainers.Mlp(options).Fit(ml.Data.LoadFromEnumerable(InMemoryRows.Single(30))).Model.GetTensor("dense0.weight").ToArray();
        }

        CollectionAssert.AreEqual(Weights(5), Weights(5));
        CollectionAssert.AreNotEqual(Weights(5), Weights(6));
    }

    private static T Annotation<T>(DataViewSchema.Column column, string name)
    {
        T value = default!;
        column.Annotations.GetValue(name, ref value);
        return value;
    }
}
