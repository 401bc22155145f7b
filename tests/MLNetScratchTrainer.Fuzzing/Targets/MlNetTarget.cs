using System.Buffers.Binary;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Fuzzing.Targets;

/// <summary>
/// ML.NET's <c>Model.Load</c> on a saved pipeline MapValueToKey → Mlp (multiclass) → MapKeyToValue, so that the file holds
/// ML.NET's own entries and an Mlp entry with label key values and an embedded engine model.
/// </summary>
public sealed class MlNetTarget : ILoaderTarget
{
    private readonly IDataView _rows;

    /// <summary>Trains the seed pipeline (well under a second) and saves it.</summary>
    public MlNetTarget()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new Row { Features = [(i * 0.618f) % 1f, (i * 0.414f) % 1f, (i * 0.732f) % 1f], Label = i % 3 }).ToArray();
        _rows = ml.Data.LoadFromEnumerable(rows[..16]);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [4], NumberOfEpochs = 3, Seed = 1, NumberOfThreads = 1 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var data = ml.Data.LoadFromEnumerable(rows);
        using var file = new MemoryStream();
        ml.Model.Save(pipeline.Fit(data), data.Schema, file);
        ValidFile = file.ToArray();
    }

    /// <inheritdoc/>
    public string Name => "mlnet";

    /// <inheritdoc/>
    public byte[] ValidFile { get; }

    /// <summary>
    /// ML.NET reports a damaged file as <see cref="FormatException"/> (a bad signature or version in an entry header),
    /// <see cref="InvalidOperationException"/>, <see cref="InvalidDataException"/> (a damaged zip, or the plugin's loader
    /// rejecting its entry) or an <see cref="IOException"/> such as <see cref="FileNotFoundException"/> (a damaged loader
    /// assembly name); ML.NET's own components also throw <see cref="ArgumentException"/> (a schema that does not fit, e.g.
    /// "Could not find input column", or a damaged culture in an assembly name) and <see cref="NotSupportedException"/>
    /// (a damaged schema entry). An exception thrown by a component's loader reaches the caller wrapped in one or two
    /// <see cref="System.Reflection.TargetInvocationException"/>s, because ML.NET calls loaders by reflection.
    /// </summary>
    public IReadOnlySet<Type> DocumentedExceptions { get; } = new HashSet<Type>
    {
        typeof(FormatException), typeof(InvalidOperationException), typeof(InvalidDataException), typeof(IOException), typeof(System.Reflection.TargetInvocationException),
        typeof(ArgumentException), typeof(NotSupportedException),
    };

    /// <summary>The Mlp payload ends with the engine model's length (int32) and the model itself, a zip starting "PK\x03\x04".</summary>
    public Range? FindEmbeddedModel(string entryName, byte[] content)
    {
        int start = content.AsSpan().IndexOf("PK\x03\x04"u8);
        if (start < 4)
        {
            return null;
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan(start - 4));
        return length > 0 && start + length <= content.Length ? start..(start + length) : null;
    }

    /// <inheritdoc/>
    public float[] LoadAndScore(byte[] file)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(new MemoryStream(file, writable: false), out _);
        return [.. model.Transform(_rows).GetColumn<float[]>("Score").SelectMany(score => score)];
    }

    private sealed class Row
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
