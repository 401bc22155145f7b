using CsCheck;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>
/// Save → load gives a model that predicts bit-identically, for generated architectures: every task, 0–3 hidden layers of
/// 1–9 units, every activation, dropout, batch normalisation, and target scaling for regression.
/// </summary>
[TestClass]
public sealed class RoundTripProperties
{
    private static readonly Gen<MlpArchitecture> Architectures = Gen.Select(
        Gen.Int[1, 6], Gen.Int[1, 9].Array[0, 3], Gen.Enum<MlpTask>(), Gen.Int[2, 5], Gen.Enum<Activation>(), Gen.Float[0f, 0.9f], Gen.Bool,
        (inputs, hidden, task, classes, activation, dropout, batchNorm) =>
            new MlpArchitecture(inputs, hidden, task == MlpTask.BinaryClassification ? 1 : classes, task, activation, dropout, batchNorm));

    [TestMethod]
    public void SaveThenLoad_AnyArchitecture_PredictsBitIdentically()
    {
        Gen.Select(Architectures, Gen.Int[1, 1000]).Sample(
            (architecture, seed) =>
            {
                var scaling = architecture.Task == MlpTask.Regression
                    ? new TargetScaling(RandomValues.Uniform(architecture.OutputSize, seed), RandomValues.Uniform(architecture.OutputSize, seed + 1, 0.1f, 10f))
                    : null;
                var model = RandomModels.Create(architecture, seed, scaling);

                var loaded = MlpModel.Load(new MemoryStream(ModelArchive.Save(model)));

                Assert.AreEqual(Describe(architecture), Describe(loaded.Architecture));
                float[] rows = RandomValues.Uniform(7 * architecture.InputSize, seed + 2, -3f, 3f);
                float[] expected = new float[7 * architecture.OutputSize], actual = new float[expected.Length];
                model.PredictBatch(rows, expected);
                loaded.PredictBatch(rows, actual);
                CollectionAssert.AreEqual(expected, actual);
            },
            iter: 150,
            print: c => $"{Describe(c.Item1)}, seed {c.Item2}");
    }

    private static string Describe(MlpArchitecture a)
        => $"{a.InputSize} -> [{string.Join(", ", a.HiddenLayers)}] -> {a.OutputSize} {a.Task}, {a.Activation}, dropout {a.DropoutRate}, batch norm {a.BatchNormalization}";
}
