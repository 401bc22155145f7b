using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class DeterminismTests
{
    private static readonly Dataset Data = SyntheticData.Blobs(64, 4, 20, seed: 1);

    [TestMethod]
    public void Fit_OneOrTwoThreads_BitIdenticalModels()
    {
        // Batches of 64 rows, 20 features and 64 hidden units make products of 64·64·20 multiply-adds, above
        // the threshold where the matrix multiply splits work over threads; dropout and batch norm included.
        var single = Options(threads: 1, seed: 7);
        var parallel = Options(threads: 2, seed: 7);

        ModelAssert.BitIdentical(Quick.Fit(single, Data), Quick.Fit(parallel, Data));
    }

    [TestMethod]
    public void Fit_DefaultThreadCount_WhichTheClockChooses_BitIdenticalToOneThread()
    {
        // With NumberOfThreads unset, the steps run pooled or on the calling thread alone by the clock (ThreadChoice):
        // 4 epochs of 65 steps cover the warm-up and a whole trial of both ways. The 128 × 256 × 256 products are
        // split when pooled.
        var data = SyntheticData.Blobs(2300, 4, 64, seed: 3);
        var options = Options(threads: 1, seed: 7);
        options.HiddenLayers = [256, 256];
        options.BatchSize = 128;
        options.BatchNormalization = false;
        options.ValidationFraction = 0.1f;
        options.NumberOfEpochs = 4;
        var byTheClock = options.Clone();
        byTheClock.NumberOfThreads = null;

        ModelAssert.BitIdentical(Quick.Fit(options, data), Quick.Fit(byTheClock, data));
    }

    [TestMethod]
    public void Fit_SameSeedTwice_BitIdentical_OtherSeedDiffers()
    {
        var first = Quick.Fit(Options(threads: 1, seed: 7), Data);

        ModelAssert.BitIdentical(first, Quick.Fit(Options(threads: 1, seed: 7), Data));
        Assert.IsTrue(ModelAssert.AnyTensorDiffers(first, Quick.Fit(Options(threads: 1, seed: 8), Data)));
    }

    /// <summary>Options that exercise every random stream (dropout, batch norm, a validation split) on products large enough to be split over threads.</summary>
    internal static MlpTrainerOptions Options(int threads, int seed)
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.HiddenLayers = [64, 32];
        options.BatchSize = 64;
        options.NumberOfEpochs = 3;
        options.DropoutRate = 0.2f;
        options.BatchNormalization = true;
        options.ValidationFraction = 0.25f;
        options.NumberOfThreads = threads;
        options.Seed = seed;
        return options;
    }
}
