using MLNetScratchTrainer;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.TabularComparison;

/// <summary>
/// The pipelines compared on each task, written as a user would: a multiclass label becomes a key (MapValueToKey) and
/// PredictedLabel is mapped back (MapKeyToValue); the linear learners and the Mlp get NormalizeMinMax on the features, the
/// tree learners the raw features. ML.NET's trainers run on one thread (on a few hundred rows more threads only add
/// overhead, and SDCA and L-BFGS are then repeatable), each at its defaults otherwise.
/// </summary>
internal static class TabularCandidates
{
    private const string LightGbmLibrary = "lib_lightgbm";
    private const string Linear = "NormalizeMinMax, 1 thread, other options default";

    /// <summary>The Mlp's name in the tables.</summary>
    public const string MlpName = "Mlp";

    /// <summary>The trainers for <paramref name="task"/>, the Mlp first.</summary>
    public static IReadOnlyList<Candidate> Create(MLContext ml, MlpTask task, IDataView train, TabularBudget budget)
    {
        string trees = $"raw features, {budget.Trees} trees, 1 thread, other options default";
        string boosting = $"raw features, {budget.BoostingIterations} iterations, 1 thread, other options default";
        var mlpOptions = new MlpOptions { Seed = 1 };
        mlpOptions.NumberOfEpochs = budget.MlpEpochs ?? mlpOptions.NumberOfEpochs;
        var mlp = Candidate.Mlp(
            MlpName,
            $"NormalizeMinMax; the plugin's defaults (hidden layers [{string.Join(", ", mlpOptions.HiddenLayersFor(featureCount: 0, sparse: false))}] {mlpOptions.Activation}, " +
            $"{mlpOptions.Optimizer} lr {mlpOptions.LearningRate:G3}, weight decay {mlpOptions.WeightDecay:G3}, " +
            $"batch {mlpOptions.BatchSize?.ToString() ?? "from the row count"}, epochs {mlpOptions.NumberOfEpochs?.ToString() ?? "from the row count"}, " +
            $"learning rate annealed to 0 along a cosine, best epoch of a {mlpOptions.ValidationFraction:P0} validation split, " +
            $"early stopping after {mlpOptions.EarlyStoppingPatience} epochs), seed 1",
            train,
            display => Pipeline(ml, task, normalize: true, MlpEstimator(ml, task, MlpProgress.AttachEpochStatus(display, mlpOptions))));
        return task switch
        {
            MlpTask.MulticlassClassification =>
            [
                mlp,
                Candidate.MlNet("SdcaMaximumEntropy", Linear, train, () => Pipeline(ml, task, normalize: true,
                    ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))),
                Candidate.MlNet("LbfgsMaximumEntropy", Linear, train, () => Pipeline(ml, task, normalize: true,
                    ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))),
                Candidate.MlNet("FastTreeOva", $"OneVersusAll over FastTree binary; {trees}", train, () => Pipeline(ml, task, normalize: false,
                    ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfTrees = budget.Trees, NumberOfThreads = 1 })))),
                Candidate.MlNet("LightGbm", boosting, train, () => Pipeline(ml, task, normalize: false,
                    ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfIterations = budget.BoostingIterations, NumberOfThreads = 1 })), LightGbmLibrary),
            ],
            MlpTask.BinaryClassification =>
            [
                mlp,
                Candidate.MlNet("SdcaLogisticRegression", Linear, train, () => Pipeline(ml, task, normalize: true,
                    ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }))),
                Candidate.MlNet("LbfgsLogisticRegression", Linear, train, () => Pipeline(ml, task, normalize: true,
                    ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }))),
                Candidate.MlNet("FastTree", trees, train, () => Pipeline(ml, task, normalize: false,
                    ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfTrees = budget.Trees, NumberOfThreads = 1 }))),
                Candidate.MlNet("LightGbm", boosting, train, () => Pipeline(ml, task, normalize: false,
                    ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { NumberOfIterations = budget.BoostingIterations, NumberOfThreads = 1 })), LightGbmLibrary),
            ],
            _ =>
            [
                mlp,
                Candidate.MlNet("Sdca", Linear, train, () => Pipeline(ml, task, normalize: true,
                    ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 }))),
                Candidate.MlNet("FastTree", trees, train, () => Pipeline(ml, task, normalize: false,
                    ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { NumberOfTrees = budget.Trees, NumberOfThreads = 1 }))),
                Candidate.MlNet("OnlineGradientDescent", "NormalizeMinMax, options default", train, () => Pipeline(ml, task, normalize: true,
                    ml.Regression.Trainers.OnlineGradientDescent())),
                Candidate.MlNet("LbfgsPoissonRegression", Linear, train, () => Pipeline(ml, task, normalize: true,
                    ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options { NumberOfThreads = 1 }))),
                Candidate.MlNet("LightGbm", boosting, train, () => Pipeline(ml, task, normalize: false,
                    ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfIterations = budget.BoostingIterations, NumberOfThreads = 1 })), LightGbmLibrary),
            ],
        };
    }

    private static IEstimator<ITransformer> MlpEstimator(MLContext ml, MlpTask task, MlpOptions options) => task switch
    {
        MlpTask.MulticlassClassification => ml.MulticlassClassification.Trainers.Mlp(options),
        MlpTask.BinaryClassification => ml.BinaryClassification.Trainers.Mlp(options),
        _ => ml.Regression.Trainers.Mlp(options),
    };

    private static IEstimator<ITransformer> Pipeline(MLContext ml, MlpTask task, bool normalize, IEstimator<ITransformer> trainer)
    {
        bool multiclass = task == MlpTask.MulticlassClassification;
        IEstimator<ITransformer> pipeline = multiclass ? ml.Transforms.Conversion.MapValueToKey("Label") : new EstimatorChain<ITransformer>();
        if (normalize)
        {
            pipeline = pipeline.Append(ml.Transforms.NormalizeMinMax("Features"));
        }

        pipeline = pipeline.Append(trainer);
        return multiclass ? pipeline.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")) : pipeline;
    }
}
