using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// The pipelines compared on MNIST, written as a user would: the digit becomes the label key (MapValueToKey, in digit
/// order), the trainer learns from the 784 pixels (already scaled to [0, 1] by <c>Mnist.Load</c>, so no normalizer is
/// needed), and MapKeyToValue turns PredictedLabel back into the digit.
/// </summary>
internal static class MnistCandidates
{
    /// <summary>The Mlp's name in the table.</summary>
    public const string MlpName = "Mlp";

    private const string LightGbmLibrary = "lib_lightgbm";

    /// <summary>The Mlp, SdcaMaximumEntropy, LbfgsMaximumEntropy, FastTree one-versus-all and LightGbm, with the budget's settings.</summary>
    public static IReadOnlyList<Candidate> Create(MLContext ml, IDataView train, MnistBudget budget)
    {
        var fastTreeRows = ml.Data.TakeRows(train, budget.FastTreeRows);
        var lightGbmRows = ml.Data.TakeRows(train, budget.LightGbmRows);
        return
        [
            Candidate.Mlp(MlpName, MnistMlp.Describe(budget.MlpEpochs), train, display =>
                Pipeline(ml, ml.MulticlassClassification.Trainers.Mlp(MlpProgress.Attach(display, MnistMlp.Options(budget.MlpEpochs, "Label"))))),
            Candidate.MlNet("SdcaMaximumEntropy", $"{budget.SdcaIterations} passes (MaximumNumberOfIterations), other options default", train, () =>
                Pipeline(ml, ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = budget.SdcaIterations }))),
            Candidate.MlNet("LbfgsMaximumEntropy", $"at most {budget.LbfgsIterations} iterations (MaximumNumberOfIterations), other options default", train, () =>
                Pipeline(ml, ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = budget.LbfgsIterations }))),
            Candidate.MlNet("FastTreeOva", $"OneVersusAll over FastTree binary, {budget.FastTreeTrees} trees of 20 leaves per digit, first {budget.FastTreeRows:N0} training images", fastTreeRows, () =>
                Pipeline(ml, ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfTrees = budget.FastTreeTrees, NumberOfLeaves = 20 })))),
            Candidate.MlNet("LightGbm", $"{budget.LightGbmIterations} iterations, 1 thread (OpenMP threads on a busy shared machine stall), first {budget.LightGbmRows:N0} training images", lightGbmRows, () =>
                Pipeline(ml, ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfIterations = budget.LightGbmIterations, NumberOfThreads = 1 })), LightGbmLibrary),
        ];
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IEstimator<ITransformer> trainer)
        => ml.Transforms.Conversion.MapValueToKey("Label", nameof(MnistImage.Digit), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(trainer)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
}
