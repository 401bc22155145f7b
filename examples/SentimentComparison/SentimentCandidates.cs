using Microsoft.ML;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.SentimentComparison;

/// <summary>
/// The trainers compared on the featurized reviews, each with its default options: the plugin's Mlp (the feature vector
/// has more than 10,000 slots, so it reads the rows as CSR and its defaults follow the sparse-data rule), ML.NET's two
/// logistic regressions, and optionally LightGbm.
/// </summary>
internal static class SentimentCandidates
{
    /// <summary>The Mlp's name in the table.</summary>
    public const string MlpName = "Mlp";

    /// <summary>The names of the linear trainers the Mlp is checked against.</summary>
    public static readonly string[] LinearNames = ["SdcaLogisticRegression", "LbfgsLogisticRegression"];

    private const string Defaults = "FeaturizeText's vectors, options default";

    /// <summary>The candidates, the Mlp first; LightGbm only when <paramref name="includeLightGbm"/> is set.</summary>
    public static IReadOnlyList<Candidate> Create(MLContext ml, IDataView train, bool includeLightGbm)
    {
        List<Candidate> candidates =
        [
            Candidate.Mlp(
                MlpName,
                "FeaturizeText's vectors read as sparse rows; the plugin's defaults, which for sparse rows are one hidden layer " +
                "of 2^22 / slots units (a multiple of 8), 5 epochs, AdamW lr 0.002 along a cosine, 10 % validation, seed 1",
                train,
                display => ml.BinaryClassification.Trainers.Mlp(MlpProgress.Attach(display, new MlpOptions { Seed = 1 }))),
            Candidate.MlNet(LinearNames[0], Defaults, train, () => ml.BinaryClassification.Trainers.SdcaLogisticRegression()),
            Candidate.MlNet(LinearNames[1], Defaults, train, () => ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        ];
        if (includeLightGbm)
        {
            candidates.Add(Candidate.MlNet("LightGbm", Defaults, train, () => ml.BinaryClassification.Trainers.LightGbm(), "lib_lightgbm"));
        }

        return candidates;
    }
}
