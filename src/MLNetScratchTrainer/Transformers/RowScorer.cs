using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// Runs the network on the current row of an input row or cursor, once per row however many output columns are read.
/// Owns one engine <see cref="Predictor"/>, so one scorer serves one thread, like the row or cursor that holds it.
/// A sparse feature vector (such as <c>FeaturizeText</c>'s) goes to the predictor as its non-zeros, never densified;
/// a dense one is read in place.
/// </summary>
internal sealed class RowScorer
{
    private readonly DataViewRow _input;
    private readonly string _featureColumnName;
    private readonly ValueGetter<VBuffer<float>> _getFeatures;
    private readonly Predictor _predictor;
    private readonly bool _logits;
    private readonly int _featureCount;
    private readonly float[] _outputs;
    private VBuffer<float> _buffer;
    private long _scoredPosition = -1;

    /// <summary>Creates a scorer reading <paramref name="featureColumn"/> of <paramref name="input"/>.</summary>
    /// <param name="input">The row or cursor being scored.</param>
    /// <param name="featureColumn">The feature column of the input schema.</param>
    /// <param name="model">The trained network.</param>
    /// <param name="logits">Produce raw network outputs (<see cref="Predictor.PredictLogits"/>) rather than predictions.</param>
    public RowScorer(DataViewRow input, DataViewSchema.Column featureColumn, MlpModel model, bool logits)
    {
        _input = input;
        _featureColumnName = featureColumn.Name;
        _getFeatures = input.GetGetter<VBuffer<float>>(featureColumn);
        _predictor = model.CreatePredictor();
        _logits = logits;
        _featureCount = model.InputSize;
        _outputs = new float[model.OutputSize];
    }

    /// <summary>The network outputs for the input's current row.</summary>
    /// <exception cref="InvalidOperationException">The row's feature vector does not have the size the model was trained on.</exception>
    public ReadOnlySpan<float> Outputs
    {
        get
        {
            if (_scoredPosition != _input.Position)
            {
                Score();
            }

            return _outputs;
        }
    }

    private void Score()
    {
        _getFeatures(ref _buffer);
        if (_buffer.Length != _featureCount)
        {
            throw new InvalidOperationException(
                $"Row {_input.Position}: column '{_featureColumnName}' holds {_buffer.Length} features but the Mlp model was trained on {_featureCount}.");
        }

        if (!_buffer.IsDense)
        {
            _predictor.PredictSparse(_buffer.GetIndices(), _buffer.GetValues(), _outputs, _logits);
        }
        else
        {
            ReadOnlySpan<float> features = _buffer.GetValues();
            if (_logits)
            {
                _predictor.PredictLogits(features, _outputs);
            }
            else
            {
                _predictor.Predict(features, _outputs);
            }
        }

        _scoredPosition = _input.Position;
    }
}
