using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>Exact comparisons of models, tensor by tensor.</summary>
internal static class ModelAssert
{
    /// <summary>Asserts that both models hold the same tensors with bit-identical values.</summary>
    public static void BitIdentical(MlpModel expected, MlpModel actual)
    {
        CollectionAssert.AreEqual(expected.TensorNames.ToArray(), actual.TensorNames.ToArray());
        foreach (string name in expected.TensorNames)
        {
            Assert.IsTrue(expected.GetTensor(name).SequenceEqual(actual.GetTensor(name)), $"tensor {name} differs");
        }
    }

    /// <summary>True when at least one value of one tensor differs.</summary>
    public static bool AnyTensorDiffers(MlpModel first, MlpModel second)
        => first.TensorNames.Any(name => !first.GetTensor(name).SequenceEqual(second.GetTensor(name)));
}
