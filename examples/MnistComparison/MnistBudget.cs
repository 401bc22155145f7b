namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// How much work each trainer gets, calibrated so that the default run takes a few minutes on 2 shared cores (the tree
/// learners on a subset of the training images), and the smoke run a few seconds.
/// </summary>
/// <param name="TrainRows">Training images loaded (null: all 60,000).</param>
/// <param name="TestRows">Test images loaded (null: all 10,000).</param>
/// <param name="MlpEpochs">Epochs of the Mlp (and of the overhead measurement).</param>
/// <param name="SdcaIterations">Passes of SdcaMaximumEntropy over the data.</param>
/// <param name="LbfgsIterations">Iterations of LbfgsMaximumEntropy.</param>
/// <param name="FastTreeRows">Training images FastTree (one-versus-all) sees.</param>
/// <param name="FastTreeTrees">Trees of each of FastTree's ten binary models.</param>
/// <param name="LightGbmRows">Training images LightGbm sees.</param>
/// <param name="LightGbmIterations">Boosting iterations of LightGbm (ten trees each).</param>
/// <param name="OverheadRepetitions">Timed fits of the engine and of the plugin each, alternating, in the overhead measurement.</param>
internal sealed record MnistBudget(
    int? TrainRows,
    int? TestRows,
    int MlpEpochs,
    int SdcaIterations,
    int LbfgsIterations,
    int FastTreeRows,
    int FastTreeTrees,
    int LightGbmRows,
    int LightGbmIterations,
    int OverheadRepetitions)
{
    /// <summary>The default run.</summary>
    public static MnistBudget Default { get; } = new(null, null, MlpEpochs: 5, SdcaIterations: 10, LbfgsIterations: 100, FastTreeRows: 10_000, FastTreeTrees: 20, LightGbmRows: 20_000, LightGbmIterations: 50, OverheadRepetitions: 1);

    /// <summary>The smoke run: 2000 training and 500 test images, a few steps each.</summary>
    public static MnistBudget Smoke { get; } = new(2000, 500, MlpEpochs: 1, SdcaIterations: 3, LbfgsIterations: 20, FastTreeRows: 1000, FastTreeTrees: 5, LightGbmRows: 2000, LightGbmIterations: 10, OverheadRepetitions: 1);
}
