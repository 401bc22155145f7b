using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Tests.Models;

[TestClass]
public sealed class PerceptronTests
{
    private static readonly float[] Inputs = [0, 0, 0, 1, 1, 0, 1, 1];

    [TestMethod]
    [DataRow("AND", new[] { 0, 0, 0, 1 })]
    [DataRow("NAND", new[] { 1, 1, 1, 0 })]
    [DataRow("OR", new[] { 0, 1, 1, 1 })]
    public void Train_LinearlySeparableGate_ConvergesToEveryExampleRight(string gate, int[] targets)
    {
        var perceptron = new Perceptron(2);

        int epochs = perceptron.Train(Inputs, targets, maxEpochs: 100);

        Assert.IsLessThan(100, epochs, $"{gate}: the perceptron rule stops once a pass makes no mistake");
        Assert.AreEqual(1.0, perceptron.Accuracy(Inputs, targets), gate);
    }

    [TestMethod]
    public void Train_Xor_NeverConverges()
    {
        // No line separates {(0,1), (1,0)} from {(0,0), (1,1)}: at most three of the four can be right.
        int[] xor = [0, 1, 1, 0];
        var perceptron = new Perceptron(2);

        int epochs = perceptron.Train(Inputs, xor, maxEpochs: 1000);

        Assert.AreEqual(1000, epochs);
        Assert.IsLessThanOrEqualTo(0.75, perceptron.Accuracy(Inputs, xor));
    }

    [TestMethod]
    public void HeavisideStep_IsOneForPositiveInputsOnly()
    {
        float[] inputs = [-2f, -1e-7f, 0f, 1e-7f, 3f];
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f, 1f, 1f }, inputs.Select(HeavisideStep.Of).ToArray());
    }

    [TestMethod]
    public void Predict_GivenWeights_IsTheStepOfTheWeightedSum()
    {
        // 0.5·x₀ + 0.5·x₁ − 0.7 > 0 only when both inputs are 1: an AND gate set by hand.
        var perceptron = new Perceptron([0.5f, 0.5f], -0.7f);

        Assert.AreEqual(0, perceptron.Predict([1f, 0f]));
        Assert.AreEqual(1, perceptron.Predict([1f, 1f]));
    }

    [TestMethod]
    public void Predict_WrongInputCount_Throws()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Perceptron(2).Predict([1f, 2f, 3f]));

        Assert.Contains("Expected 2 inputs", exception.Message);
    }
}
