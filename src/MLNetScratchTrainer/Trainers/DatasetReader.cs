using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Reads the training columns of a data view, through one cursor, into an engine <see cref="Dataset"/>. The caller
/// does not need to cache the data view: it is read once, and each row's features are copied once, into their place in
/// the data set's array (see <see cref="FeatureBuffer"/>). A missing feature (NaN) is kept for the model's input
/// preprocessing to fill, unless missing features are rejected. Rows with an invalid value stop the read with an error
/// naming the row and column, or, when asked, are skipped and counted in the log.
/// </summary>
internal static class DatasetReader
{
    /// <summary>Reads every row.</summary>
    /// <param name="data">The data view.</param>
    /// <param name="columns">The validated columns of <paramref name="data"/>.</param>
    /// <param name="createLabelReader">Makes, for a cursor, a function returning the current row's label as the engine expects it, or NaN when it is missing or invalid.</param>
    /// <param name="labelRequirement">What a valid label is, for messages.</param>
    /// <param name="rejectMissingFeatures">Treat a missing feature (NaN) as invalid.</param>
    /// <param name="dropInvalidRows">Skip invalid rows instead of failing.</param>
    /// <param name="channel">Where the count of skipped rows goes.</param>
    /// <param name="dataName">"training data" or "validation data", for messages.</param>
    /// <exception cref="ArgumentException">A row is invalid (and <paramref name="dropInvalidRows"/> is false), or no valid row remains.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Dataset Read(IDataView data, TrainingColumns columns, Func<DataViewRow, Func<float>> createLabelReader, string labelRequirement, bool rejectMissingFeatures, bool dropInvalidRows, IChannel channel, string dataName)
    {
        bool sparse = columns.FeatureCount >= SparseFeatureBuffer.SlotThreshold;
        var features = sparse ? null : new FeatureBuffer(columns.FeatureCount, data.GetRowCount());
        var sparseFeatures = sparse ? new SparseFeatureBuffer(columns.FeatureCount) : null;
        var labels = new List<float>();
        var weights = columns.Weight is null ? null : new List<float>();
        VBuffer<float> buffer = default;
        long position = 0, dropped = 0;

        using (var cursor = data.GetRowCursor(columns.All))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(columns.Features);
            var getLabel = createLabelReader(cursor);
            var getWeight = columns.Weight is { } weightColumn ? cursor.GetGetter<float>(weightColumn) : null;
            for (; cursor.MoveNext(); position++)
            {
                getFeatures(ref buffer);
                float label = getLabel();
                float weight = 1f;
                getWeight?.Invoke(ref weight);
                string? problem;
                if (sparseFeatures is not null)
                {
                    int slot = sparseFeatures.Stage(buffer);
                    problem = slot >= 0
                        ? $"slot {slot} of feature column '{columns.Features.Name}' is {sparseFeatures.StagedValue(slot)}; every feature of a sparse column must be a finite number"
                        : RowProblems.Find([], label, weight, columns, labelRequirement, rejectMissingFeatures);
                }
                else
                {
                    var row = features!.NextRow();
                    buffer.CopyTo(row);
                    problem = RowProblems.Find(row, label, weight, columns, labelRequirement, rejectMissingFeatures);
                }

                if (problem is not null)
                {
                    if (!dropInvalidRows)
                    {
                        throw RowProblems.InvalidRow(position, dataName, problem);
                    }

                    dropped++;
                    continue;
                }

                features?.Commit();
                sparseFeatures?.Commit();
                labels.Add(label);
                weights?.Add(weight);
            }
        }

        RowProblems.ReportDropped(channel, dropped, position, dataName);
        if (labels.Count == 0)
        {
            throw RowProblems.NoRowLeft(position, dataName);
        }

        float[]? rowWeights = weights is null ? null : [.. weights];
        return sparseFeatures is not null
            ? new Dataset(sparseFeatures.Rows, [.. labels], weights: rowWeights)
            : new Dataset(features!.ToArray(), columns.FeatureCount, [.. labels], weights: rowWeights);
    }
}
