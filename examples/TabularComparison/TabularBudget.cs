namespace MLNetScratchTrainer.Examples.TabularComparison;

/// <summary>How much work the iterative trainers get: their defaults in the default run, a few steps in the smoke run.</summary>
/// <param name="MlpEpochs">Epochs of the Mlp; null keeps the plugin's default (300).</param>
/// <param name="Trees">Trees of FastTree (per class for one-versus-all; ML.NET's default is 100).</param>
/// <param name="BoostingIterations">Iterations of LightGbm (ML.NET's default is 100).</param>
internal sealed record TabularBudget(int? MlpEpochs, int Trees, int BoostingIterations)
{
    /// <summary>The default run: every trainer at its defaults.</summary>
    public static TabularBudget Default { get; } = new(MlpEpochs: null, Trees: 100, BoostingIterations: 100);

    /// <summary>The smoke run.</summary>
    public static TabularBudget Smoke { get; } = new(MlpEpochs: 10, Trees: 10, BoostingIterations: 10);
}
