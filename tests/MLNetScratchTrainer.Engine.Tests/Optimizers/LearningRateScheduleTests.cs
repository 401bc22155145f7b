
namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class LearningRateScheduleTests
{
    [TestMethod]
    public void ConstantKeepsTheBaseRate()
    {
        LearningRateSchedule schedule = LearningRateSchedule.Constant();

        Assert.AreEqual(0.1f, schedule.RateAt(0, 0.1f));
        Assert.AreEqual(0.1f, schedule.RateAt(57, 0.1f));
    }

    [TestMethod]
    public void StepDecaysEveryStepSizeEpochs()
    {
        LearningRateSchedule schedule = LearningRateSchedule.Step(stepSize: 10, gamma: 0.5f);

        Assert.AreEqual(0.1f, schedule.RateAt(0, 0.1f), 1e-7f);
        Assert.AreEqual(0.1f, schedule.RateAt(9, 0.1f), 1e-7f);
        Assert.AreEqual(0.05f, schedule.RateAt(10, 0.1f), 1e-7f);
        Assert.AreEqual(0.025f, schedule.RateAt(25, 0.1f), 1e-7f);
    }

    [TestMethod]
    public void ExponentialMultipliesByGammaEveryEpoch()
    {
        LearningRateSchedule schedule = LearningRateSchedule.Exponential(0.9f);

        Assert.AreEqual(0.1f, schedule.RateAt(0, 0.1f), 1e-7f);
        // 0.1·0.9³ = 0.1·0.729
        Assert.AreEqual(0.0729f, schedule.RateAt(3, 0.1f), 1e-7f);
    }

    [TestMethod]
    public void CosineAnnealsFromTheBaseRateToTheMinimum()
    {
        LearningRateSchedule schedule = LearningRateSchedule.Cosine(totalEpochs: 10, minimumRate: 0.01f);

        Assert.AreEqual(0.1f, schedule.RateAt(0, 0.1f), 1e-7f);
        // Halfway, cos(π/2) = 0: the average of the two rates.
        Assert.AreEqual(0.055f, schedule.RateAt(5, 0.1f), 1e-7f);
        // Epoch 2: 0.01 + 0.09·(1 + cos(0.2π)) / 2 = 0.01 + 0.09·(1 + 0.809017) / 2
        Assert.AreEqual(0.01f + (0.09f * 1.809017f / 2f), schedule.RateAt(2, 0.1f), 1e-6f);
        Assert.AreEqual(0.01f, schedule.RateAt(10, 0.1f), 1e-7f);
        Assert.AreEqual(0.01f, schedule.RateAt(15, 0.1f), 1e-7f);
    }

    [TestMethod]
    public void RejectsInvalidArguments()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant().RateAt(-1, 0.1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LearningRateSchedule.Exponential(0.9f).RateAt(0, -0.1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0, 0.5f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LearningRateSchedule.Exponential(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(10, -0.01f));
    }
}
