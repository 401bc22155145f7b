using MLNetScratchTrainer;
using Microsoft.ML;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// The five trainers the benchmark compares, each with its default options, by family: the plugin's Mlp, LightGbm, FastTree
/// (one-versus-all over the binary FastTree for multiclass, as ML.NET has no multiclass FastTree), SDCA
/// (SdcaMaximumEntropy, SdcaLogisticRegression, Sdca) and L-BFGS (LbfgsMaximumEntropy, LbfgsLogisticRegression, and for
/// regression LbfgsPoissonRegression, which needs targets ≥ 0: ML.NET has no other L-BFGS regression).
/// </summary>
internal static class TrainerFamilies
{
    /// <summary>The plugin's trainer.</summary>
    public const string Mlp = "Mlp";

    /// <summary>The trainer the Mlp is measured against.</summary>
    public const string LightGbm = "LightGbm";

    /// <summary>ML.NET's gradient-boosted trees.</summary>
    public const string FastTree = "FastTree";

    /// <summary>Stochastic dual coordinate ascent, a linear model.</summary>
    public const string Sdca = "Sdca";

    /// <summary>L-BFGS on a linear model.</summary>
    public const string Lbfgs = "Lbfgs";

    /// <summary>Every family, in table order.</summary>
    public static IReadOnlyList<string> All { get; } = [Mlp, LightGbm, FastTree, Sdca, Lbfgs];

    /// <summary>The family's trainer for <paramref name="file"/>'s task, or null with the reason when it has none.</summary>
    /// <param name="family">One of <see cref="All"/>.</param>
    /// <param name="ml">The context the pipeline is made in.</param>
    /// <param name="file">The data set.</param>
    /// <param name="mlpOptions">Makes the Mlp's options (fresh for every fit: progress callbacks are attached to them).</param>
    public static (BenchmarkTrainer? Trainer, string? Reason) For(string family, MLContext ml, TabularFile file, Func<MlpOptions> mlpOptions)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(mlpOptions);
        var binary = ml.BinaryClassification.Trainers;
        var multiclass = ml.MulticlassClassification.Trainers;
        var regression = ml.Regression.Trainers;
        return (family, file.Task) switch
        {
            (Mlp, MlpTask.MulticlassClassification) => Make(family, "Mlp", () => multiclass.Mlp(mlpOptions())),
            (Mlp, MlpTask.BinaryClassification) => Make(family, "Mlp", () => binary.Mlp(mlpOptions())),
            (Mlp, _) => Make(family, "Mlp", () => regression.Mlp(mlpOptions())),
            (LightGbm, MlpTask.MulticlassClassification) => Make(family, "LightGbm", () => multiclass.LightGbm()),
            (LightGbm, MlpTask.BinaryClassification) => Make(family, "LightGbm", () => binary.LightGbm()),
            (LightGbm, _) => Make(family, "LightGbm", () => regression.LightGbm()),
            (FastTree, MlpTask.MulticlassClassification) => Make(family, "OneVersusAll(FastTree)", () => multiclass.OneVersusAll(binary.FastTree())),
            (FastTree, MlpTask.BinaryClassification) => Make(family, "FastTree", () => binary.FastTree()),
            (FastTree, _) => Make(family, "FastTree", () => regression.FastTree()),
            (Sdca, MlpTask.MulticlassClassification) => Make(family, "SdcaMaximumEntropy", () => multiclass.SdcaMaximumEntropy()),
            (Sdca, MlpTask.BinaryClassification) => Make(family, "SdcaLogisticRegression", () => binary.SdcaLogisticRegression()),
            (Sdca, _) => Make(family, "Sdca", () => regression.Sdca()),
            (Lbfgs, MlpTask.MulticlassClassification) => Make(family, "LbfgsMaximumEntropy", () => multiclass.LbfgsMaximumEntropy()),
            (Lbfgs, MlpTask.BinaryClassification) => Make(family, "LbfgsLogisticRegression", () => binary.LbfgsLogisticRegression()),
            (Lbfgs, _) when file.MinimumTarget < 0 => (null, $"LbfgsPoissonRegression needs targets ≥ 0 and {file.Name}'s go down to {file.MinimumTarget}; ML.NET has no other L-BFGS regression"),
            (Lbfgs, _) => Make(family, "LbfgsPoissonRegression", () => regression.LbfgsPoissonRegression()),
            _ => throw new ArgumentException($"Unknown trainer family '{family}'; the families are {string.Join(", ", All)}.", nameof(family)),
        };
    }

    private static (BenchmarkTrainer?, string?) Make(string family, string name, Func<IEstimator<ITransformer>> create) =>
        (new BenchmarkTrainer(family, name, create), null);
}
