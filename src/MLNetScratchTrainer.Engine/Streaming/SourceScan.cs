using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Streaming;

/// <summary>
/// The first pass of streaming training, which reads every row once before any epoch: it checks every row (as the
/// <see cref="Dataset"/> constructor and the trainer's label checks do), counts the training rows, fixes and collects the
/// held-out validation rows (<see cref="RowHoldout"/>), marks the features missing in some training row, records what the
/// labels need (the largest, and whether they differ), and keeps a uniform reservoir sample of the training rows
/// (Vitter's algorithm R, seeded) on which the input preprocessing and the target scaling are fitted.
/// </summary>
internal sealed class SourceScan
{
    private readonly RowChunk _sample;
    private readonly List<float> _heldFeatures = [];
    private readonly List<float> _heldLabels = [];
    private readonly List<float>? _heldWeights;
    private readonly int _featureCount;
    private readonly int _labelWidth;
    private int _sampled;
    private float _firstLabel = float.NaN;

    private SourceScan(IRowSource source, int sampleRows)
    {
        _featureCount = source.FeatureCount;
        _labelWidth = source.LabelWidth;
        _sample = new RowChunk(sampleRows, _featureCount, _labelWidth, hasWeights: false);
        _heldWeights = source.HasWeights ? [] : null;
        Missing = new bool[_featureCount];
    }

    /// <summary>Training rows (every row not held out).</summary>
    public long TrainRows { get; private set; }

    /// <summary>Rows in the pass.</summary>
    public long TotalRows { get; private set; }

    /// <summary>The held-out validation rows, or null when none is held out.</summary>
    public Dataset? Held { get; private set; }

    /// <summary>Per feature, whether a training row misses it (NaN).</summary>
    public bool[] Missing { get; }

    /// <summary>The largest first label value of any row.</summary>
    public float LargestLabel { get; private set; } = float.NegativeInfinity;

    /// <summary>The first row's first label value.</summary>
    public float FirstLabel => _firstLabel;

    /// <summary>Whether some row's first label value differs from the first row's.</summary>
    public bool LabelsDiffer { get; private set; }

    /// <summary>The sampled training rows' features, row-major.</summary>
    public ReadOnlySpan<float> SampleFeatures => _sample.FeatureRows(_sampled);

    /// <summary>The sampled training rows' labels, row-major.</summary>
    public ReadOnlySpan<float> SampleLabels => _sample.LabelRows(_sampled);

    /// <summary>Reads the pass.</summary>
    /// <param name="source">The rows.</param>
    /// <param name="holdout">Which rows are validation candidates; the pass fixes its last held row.</param>
    /// <param name="validationCap">The most rows held out.</param>
    /// <param name="sampleRows">The size of the reservoir sample.</param>
    /// <param name="seed">The run's seed (for the sample).</param>
    /// <param name="head">Checks each row's label, or null for a multiclass task whose class count comes from the labels (then a label must be a whole number from 0).</param>
    /// <param name="missingRefusal">Why a missing feature is refused, or null when it is allowed.</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <exception cref="ArgumentException">A row holds an invalid value, the source has no rows, or every row is held out; the message names the row.</exception>
    public static SourceScan Read(IRowSource source, RowHoldout holdout, int validationCap, int sampleRows, int seed, ILossHead? head, string? missingRefusal, CancellationToken cancellationToken)
    {
        var scan = new SourceScan(source, sampleRows);
        var sampler = Rng.ForStream(seed, RandomStream.Sampling);
        var chunk = new RowChunk(StreamingRules.ChunkRows, source.FeatureCount, source.LabelWidth, source.HasWeights);
        int held = 0;
        using (var reader = new PrefetchingReader(source.OpenPass(), source))
        {
            int count;
            while ((count = reader.Read(chunk)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Dataset.CheckRows(chunk, count, scan.TotalRows);
                for (int i = 0; i < count; i++, scan.TotalRows++)
                {
                    long row = scan.TotalRows;
                    scan.CheckRow(chunk, i, row, head, missingRefusal);
                    if (held < validationCap && holdout.IsCandidate(row))
                    {
                        holdout.Hold(row);
                        scan.AddHeld(chunk, i);
                        held++;
                    }
                    else
                    {
                        scan.AddTraining(chunk, i, sampler);
                    }
                }
            }
        }

        if (scan.TotalRows == 0)
        {
            throw new ArgumentException("The row source has no rows: at least one is needed.", nameof(source));
        }

        if (scan.TrainRows == 0)
        {
            throw new ArgumentException($"Every one of the {scan.TotalRows} rows was held out for validation: none is left to train on. Lower ValidationFraction.", nameof(source));
        }

        if (scan.TrainRows > int.MaxValue)
        {
            throw new ArgumentException($"The row source has {scan.TrainRows} training rows; streaming training counts them in 32 bits, so at most {int.MaxValue}.", nameof(source));
        }

        scan.Held = held == 0 ? null : new Dataset([.. scan._heldFeatures], scan._featureCount, [.. scan._heldLabels], scan._labelWidth, scan._heldWeights?.ToArray());
        return scan;
    }

    private void CheckRow(RowChunk chunk, int i, long row, ILossHead? head, string? missingRefusal)
    {
        float label = chunk.LabelRow(i)[0];
        if (head is not null)
        {
            head.ValidateLabel(label, (int)Math.Min(row, int.MaxValue));
        }
        else if (!(label >= 0 && label == MathF.Floor(label)))
        {
            throw new ArgumentException($"The label of row {row} is {label}; expected a class index, a whole number from 0 up.");
        }

        if (row == 0)
        {
            _firstLabel = label;
        }

        LabelsDiffer |= label != _firstLabel;
        LargestLabel = Math.Max(LargestLabel, label);
        if (missingRefusal is not null)
        {
            int feature = chunk.FeatureRow(i).IndexOf(float.NaN);
            if (feature >= 0)
            {
                throw new ArgumentException($"The train data has a missing value (NaN) at row {row}, feature {feature}, and {missingRefusal}.", "train");
            }
        }
    }

    private void AddHeld(RowChunk chunk, int i)
    {
        _heldFeatures.AddRange(chunk.FeatureRow(i));
        _heldLabels.AddRange(chunk.LabelRow(i));
        _heldWeights?.Add(chunk.Weight(i));
    }

    private void AddTraining(RowChunk chunk, int i, Rng sampler)
    {
        var features = chunk.FeatureRow(i);
        for (int j = 0; j < features.Length; j++)
        {
            Missing[j] |= float.IsNaN(features[j]);
        }

        long seen = TrainRows++;
        int slot = seen < _sample.Capacity ? (int)seen : sampler.NextInt((int)Math.Min(seen + 1, int.MaxValue));
        if (slot < _sample.Capacity)
        {
            _sample.CopyRow(chunk, i, slot);
            _sampled = Math.Max(_sampled, slot + 1);
        }
    }
}
