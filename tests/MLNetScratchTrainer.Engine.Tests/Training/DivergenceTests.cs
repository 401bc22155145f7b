using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class DivergenceTests
{
    [TestMethod]
    public void Fit_HugeLearningRateOnUnscaledData_ThrowsNamingTheEpoch()
    {
        // Features in the thousands, raw targets, plain SGD at 10⁶: the first steps overflow float32.
        var data = SyntheticData.LinearRegression(64, seed: 1);
        var unscaled = new Dataset([.. data.Features.Select(x => 1000 * x)], data.FeatureCount, data.Labels);
        var options = Quick.Options(MlpTask.Regression);
        options.Optimizer = OptimizerKind.Sgd;
        options.LearningRate = 1e6f;
        options.StandardizeRegressionTargets = false;

        var exception = Assert.ThrowsExactly<TrainingDivergedException>(() => Quick.Fit(options, unscaled));

        StringAssert.Matches(exception.Message, new System.Text.RegularExpressions.Regex(@"^Training diverged at epoch \d+, batch \d+"));
        Assert.Contains("Lower the learning rate", exception.Message);
    }
}
