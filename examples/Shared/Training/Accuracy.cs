using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Examples.Shared.Training;

/// <summary>The share of rows whose most probable class is the label, for a trained model or a network being trained.</summary>
public static class Accuracy
{
    private const int ChunkRows = 500;

    /// <summary>Accuracy of a multiclass model on <paramref name="data"/>.</summary>
    public static double Of(MlpModel model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var outputs = new float[data.Count * model.OutputSize];
        model.PredictBatch(data.Features, outputs);
        return CountCorrect(outputs, model.OutputSize, data, 0, data.Count) / (double)data.Count;
    }

    /// <summary>Accuracy of a multiclass network on <paramref name="data"/>, in inference mode (no dropout).</summary>
    public static double Of(Network network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        var input = new Matrix(ChunkRows, data.FeatureCount);
        int correct = 0;
        for (int first = 0; first < data.Count; first += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, data.Count - first);
            input.SetRows(rows);
            data.Features.AsSpan(first * data.FeatureCount, rows * data.FeatureCount).CopyTo(input.Span);
            var logits = network.Forward(input, training: false);
            correct += CountCorrect(logits.Span, network.OutputSize, data, first, rows);
        }

        return correct / (double)data.Count;
    }

    private static int CountCorrect(ReadOnlySpan<float> scores, int classes, Dataset data, int firstRow, int rows)
    {
        int correct = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = scores.Slice(r * classes, classes);
            int best = 0;
            for (int j = 1; j < classes; j++)
            {
                if (row[j] > row[best])
                {
                    best = j;
                }
            }

            correct += best == (int)data.Labels[firstRow + r] ? 1 : 0;
        }

        return correct;
    }
}
