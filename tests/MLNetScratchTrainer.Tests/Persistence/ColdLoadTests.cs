using Microsoft.ML;
using MLNetScratchTrainer.ColdLoader;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Tests.Persistence;

/// <summary>
/// A model saved here is loaded by another process that has never used the plugin — the ColdLoader program, which calls
/// only <c>new MLContext().Model.Load</c> (from the path and from a <c>Stream</c>) and checks that no plugin assembly was
/// loaded before — and must score the same data bit for bit as this process does.
/// </summary>
[TestClass]
public sealed class ColdLoadTests
{
    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void AFreshProcessLoadsAndScoresBitForBit(MlpTask task)
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, task, vectorFeatures: true);
        var split = data.Split(ml);
        var model = TestPipelines.Mlp(ml, task, data, FastOptions.Create()).Fit(split.TrainSet);
        using var directory = new TemporaryDirectory();
        string modelPath = directory.File("model.zip");
        string dataPath = directory.File("test.idv");
        ml.Model.Save(model, split.TrainSet.Schema, modelPath);
        using (var stream = File.Create(dataPath))
        {
            ml.Data.SaveAsBinary(split.TestSet, stream);
        }

        var expected = ScoreDump.Lines(model.Transform(split.TestSet)).ToList();
        Assert.IsGreaterThan(10, expected.Count);

        foreach (string mode in new[] { ColdLoad.FromFile, ColdLoad.FromStream })
        {
            var (exitCode, output) = ColdLoad.Run(mode, modelPath, dataPath);

            Assert.AreEqual(0, exitCode, $"{mode}: {output}");
            CollectionAssert.AreEqual(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries), $"{mode}: the loaded model scored differently");
        }
    }
}
