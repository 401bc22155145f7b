using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class OptimizerFactoryTests
{
    [TestMethod]
    [DataRow(OptimizerKind.Sgd, typeof(Sgd))]
    [DataRow(OptimizerKind.Momentum, typeof(Momentum))]
    [DataRow(OptimizerKind.Nesterov, typeof(Nesterov))]
    [DataRow(OptimizerKind.AdaGrad, typeof(AdaGrad))]
    [DataRow(OptimizerKind.RmsProp, typeof(RmsProp))]
    [DataRow(OptimizerKind.Adam, typeof(Adam))]
    [DataRow(OptimizerKind.AdamW, typeof(AdamW))]
    public void CreatesTheRequestedKind(OptimizerKind kind, Type expected)
    {
        IOptimizer optimizer = OptimizerFactory.Create(kind, new OptimizerSettings());

        Assert.AreEqual(expected, optimizer.GetType());
    }

    [TestMethod]
    public void PassesSettingsThrough()
    {
        var settings = new OptimizerSettings
        {
            Momentum = 0.5f,
            Beta1 = 0.8f,
            Beta2 = 0.99f,
            Epsilon = 1e-6f,
            RmsPropDecay = 0.95f,
        };

        var momentum = (Momentum)OptimizerFactory.Create(OptimizerKind.Momentum, settings);
        var nesterov = (Nesterov)OptimizerFactory.Create(OptimizerKind.Nesterov, settings);
        var adaGrad = (AdaGrad)OptimizerFactory.Create(OptimizerKind.AdaGrad, settings);
        var rmsProp = (RmsProp)OptimizerFactory.Create(OptimizerKind.RmsProp, settings);
        var adamW = (AdamW)OptimizerFactory.Create(OptimizerKind.AdamW, settings, weightDecay: 0.02f);

        Assert.AreEqual(0.5f, momentum.Coefficient);
        Assert.AreEqual(0.5f, nesterov.Coefficient);
        Assert.AreEqual(1e-6f, adaGrad.Epsilon);
        Assert.AreEqual(0.95f, rmsProp.Decay);
        Assert.AreEqual(1e-6f, rmsProp.Epsilon);
        Assert.AreEqual(0.8f, adamW.Beta1);
        Assert.AreEqual(0.99f, adamW.Beta2);
        Assert.AreEqual(1e-6f, adamW.Epsilon);
        Assert.AreEqual(0.02f, adamW.WeightDecay);
    }

    [TestMethod]
    public void DefaultSettingsAreTheUsualOnes()
    {
        var adam = (Adam)OptimizerFactory.Create(OptimizerKind.Adam, new OptimizerSettings());

        Assert.AreEqual(0.9f, adam.Beta1);
        Assert.AreEqual(0.999f, adam.Beta2);
        Assert.AreEqual(1e-8f, adam.Epsilon);
    }

    [TestMethod]
    public void RejectsInvalidSettingsAndUnknownKinds()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => OptimizerFactory.Create(OptimizerKind.Momentum, new OptimizerSettings { Momentum = 1f }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => OptimizerFactory.Create((OptimizerKind)99, new OptimizerSettings()));
        Assert.ThrowsExactly<ArgumentNullException>(() => OptimizerFactory.Create(OptimizerKind.Sgd, null!));
    }
}
