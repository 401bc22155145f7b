using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// The training columns of a data view as an engine <see cref="IRowSource"/>, for streaming training: each pass opens a
/// cursor over the feature, label and weight columns and copies rows a chunk at a time, so no more than a chunk of the
/// data view is in memory. Invalid rows stop the pass with the same error as <see cref="DatasetReader"/>'s (naming the
/// row and column), or are skipped when asked; the row positions in messages count every row of the data view.
/// </summary>
/// <param name="data">The data view; every cursor over it must yield the same rows in the same order (as ML.NET's loaders and transforms do).</param>
/// <param name="columns">The validated columns of <paramref name="data"/>.</param>
/// <param name="createLabelReader">Makes, for a cursor, a function returning the current row's label as the engine expects it, or NaN when it is missing or invalid.</param>
/// <param name="labelRequirement">What a valid label is, for messages.</param>
/// <param name="rejectMissingFeatures">Treat a missing feature (NaN) as invalid.</param>
/// <param name="dropInvalidRows">Skip invalid rows instead of failing.</param>
/// <param name="dataName">"training data", for messages.</param>
internal sealed class CursorRowSource(IDataView data, TrainingColumns columns, Func<DataViewRow, Func<float>> createLabelReader, string labelRequirement, bool rejectMissingFeatures, bool dropInvalidRows, string dataName)
    : IRowSource
{
    private readonly IDataView _data = data;
    private readonly TrainingColumns _columns = columns;
    private readonly Func<DataViewRow, Func<float>> _createLabelReader = createLabelReader;
    private readonly string _labelRequirement = labelRequirement;
    private readonly bool _rejectMissingFeatures = rejectMissingFeatures;
    private readonly bool _dropInvalidRows = dropInvalidRows;
    private readonly string _dataName = dataName;

    /// <inheritdoc />
    public int FeatureCount => _columns.FeatureCount;

    /// <inheritdoc />
    public int LabelWidth => 1;

    /// <inheritdoc />
    public bool HasWeights => _columns.Weight is not null;

    /// <summary>Rows of the data view in the last completed pass.</summary>
    public long Rows { get; private set; }

    /// <summary>Invalid rows skipped in the last completed pass.</summary>
    public long DroppedRows { get; private set; }

    /// <inheritdoc />
    public IRowReader OpenPass() => new Reader(this);

    private sealed class Reader : IRowReader
    {
        private readonly CursorRowSource _source;
        private readonly DataViewRowCursor _cursor;
        private readonly ValueGetter<VBuffer<float>> _getFeatures;
        private readonly Func<float> _getLabel;
        private readonly ValueGetter<float>? _getWeight;
        private VBuffer<float> _buffer;
        private long _position;
        private long _dropped;

        public Reader(CursorRowSource source)
        {
            _source = source;
            _cursor = source._data.GetRowCursor(source._columns.All);
            _getFeatures = _cursor.GetGetter<VBuffer<float>>(source._columns.Features);
            _getLabel = source._createLabelReader(_cursor);
            _getWeight = source._columns.Weight is { } weight ? _cursor.GetGetter<float>(weight) : null;
        }

        public int Read(RowChunk chunk)
        {
            int count = 0;
            while (count < chunk.Capacity && _cursor.MoveNext())
            {
                var features = chunk.FeatureRow(count);
                _getFeatures(ref _buffer);
                _buffer.CopyTo(features);
                float label = _getLabel();
                float weight = 1f;
                _getWeight?.Invoke(ref weight);
                long position = _position++;
                if (RowProblems.Find(features, label, weight, _source._columns, _source._labelRequirement, _source._rejectMissingFeatures) is { } problem)
                {
                    if (!_source._dropInvalidRows)
                    {
                        throw RowProblems.InvalidRow(position, _source._dataName, problem);
                    }

                    _dropped++;
                    continue;
                }

                chunk.LabelRow(count)[0] = label;
                chunk.SetWeight(count, weight);
                count++;
            }

            if (count == 0)
            {
                Finish();
            }

            return count;
        }

        public void Dispose() => _cursor.Dispose();

        private void Finish()
        {
            if (_position == _dropped)
            {
                throw RowProblems.NoRowLeft(_position, _source._dataName);
            }

            (_source.Rows, _source.DroppedRows) = (_position, _dropped);
        }
    }
}
