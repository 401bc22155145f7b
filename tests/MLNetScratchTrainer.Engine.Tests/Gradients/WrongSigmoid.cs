using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Tests.Gradients;

/// <summary>A sigmoid whose backward pass forgets the (1 − y) factor: the kind of bug a gradient check exists to catch.</summary>
internal sealed class WrongSigmoid(int size) : ActivationLayer(size)
{
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = Sigmoid.Function(input[i]);
        }
    }

    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        for (int i = 0; i < output.Length; i++)
        {
            inputGradient[i] = outputGradient[i] * output[i];
        }
    }
}
