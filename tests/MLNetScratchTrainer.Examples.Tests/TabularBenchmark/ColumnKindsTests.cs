using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Examples.TabularBenchmark;

namespace MLNetScratchTrainer.Examples.Tests.TabularBenchmark;

[TestClass]
public sealed class ColumnKindsTests
{
    [TestMethod]
    public void AColumnIsTextWhenAnyNonEmptyValueIsNotANumber()
    {
        Assert.AreEqual(ColumnKind.Numeric, ColumnKinds.KindOf(["1", "-2.5", "1e3", "", "0.001"]));
        Assert.AreEqual(ColumnKind.Text, ColumnKinds.KindOf(["1", "2", "three"]));
        Assert.AreEqual(ColumnKind.Text, ColumnKinds.KindOf(["z95838", "z95823"]));
        Assert.AreEqual(ColumnKind.Numeric, ColumnKinds.KindOf(["", ""]));
    }

    [TestMethod]
    public void NumbersUseTheInvariantCultureOnly()
    {
        Assert.AreEqual(ColumnKind.Text, ColumnKinds.KindOf(["1,5"]));
        Assert.AreEqual(ColumnKind.Text, ColumnKinds.KindOf(["NaN"]));
    }

    [TestMethod]
    public void TheTaskFollowsTheTargetsValues()
    {
        Assert.AreEqual(MlpTask.BinaryClassification, ColumnKinds.TaskOf(["No", "Yes"], ColumnKind.Text));
        Assert.AreEqual(MlpTask.BinaryClassification, ColumnKinds.TaskOf(["0", "1"], ColumnKind.Numeric));
        Assert.AreEqual(MlpTask.MulticlassClassification, ColumnKinds.TaskOf(["A", "N", "U", "Y"], ColumnKind.Text));
        Assert.AreEqual(MlpTask.MulticlassClassification, ColumnKinds.TaskOf([.. Enumerable.Range(0, 10).Select(i => $"{i}")], ColumnKind.Numeric));
        Assert.AreEqual(MlpTask.Regression, ColumnKinds.TaskOf(["1.5", "2", "3"], ColumnKind.Numeric));
        Assert.AreEqual(
            MlpTask.Regression,
            ColumnKinds.TaskOf([.. Enumerable.Range(0, ColumnKinds.MaximumClassesOfNumericTarget + 1).Select(i => $"{i}")], ColumnKind.Numeric));
    }

    [TestMethod]
    public void ATargetNeedsTwoValues()
    {
        Assert.ThrowsExactly<InvalidDataException>(() => ColumnKinds.TaskOf(["1"], ColumnKind.Numeric));
    }
}
