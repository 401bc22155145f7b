using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Serialization;

/// <summary>
/// The model file: a .zip holding <c>header.json</c> (format, version, input preprocessing, architecture, tensor shapes,
/// SHA-256 of the tensors, history) and <c>tensors.bin</c> (every tensor as little-endian float32, in order).
/// </summary>
/// <remarks>
/// Loading trusts nothing: sizes are derived from the architecture and checked against the header,
/// the entry's declared and compressed sizes and a hard limit before anything large is allocated;
/// the checksum and finiteness of every value are verified before a model is returned.
/// Saving writes a temporary file beside the target and renames it (<see cref="AtomicFile"/>), so a failed or killed
/// save never leaves a half-written model or damages an existing one.
/// </remarks>
public static class ModelFile
{
    /// <summary>The format name written in every header.</summary>
    public const string FormatName = "MLNetScratchTrainer.Mlp";

    /// <summary>
    /// The current format version: 2 added the input preprocessing. Version 1 files (without it) still load. The linear
    /// skip needed no new version: its header field is written only when on, so every other model's file is as before,
    /// and a reader that does not know the field refuses a model with a skip at its tensor list (skip.weight) rather than
    /// loading it without the skip.
    /// </summary>
    public const int CurrentVersion = 2;

    /// <summary>Largest model accepted: 256 Mi parameters (1 GiB of float32).</summary>
    public const long MaxParameters = 1L << 28;

    /// <summary>
    /// Most hidden layers accepted. Each layer costs the loader a few tensor descriptions, so without a bound a
    /// forged header of a few megabytes listing a million one-unit layers would make it allocate gigabytes.
    /// </summary>
    public const int MaxHiddenLayers = 1000;

    private const string HeaderEntry = "header.json";
    private const string TensorsEntry = "tensors.bin";
    private const int MaxHeaderBytes = 1 << 22;
    private const int MaxDeflateRatio = 1100;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Saves atomically to <paramref name="path"/> (<see cref="AtomicFile"/>).</summary>
    public static void Save(MlpModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream => Save(model, stream));
    }

    /// <summary>Writes the model .zip to <paramref name="stream"/>.</summary>
    public static void Save(MlpModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        byte[] tensorBytes = TensorBytes(model.RawTensors);
        var architecture = model.Architecture;
        var header = new ModelHeader
        {
            Format = FormatName,
            Version = CurrentVersion,
            Architecture = new ArchitectureHeader(architecture.InputSize, [.. architecture.HiddenLayers], architecture.OutputSize, architecture.Task.ToString(), architecture.Activation.ToString(), architecture.DropoutRate, architecture.BatchNormalization, architecture.LinearSkip),
            Tensors = TensorHeaders(model),
            TensorsSha256 = Convert.ToHexString(SHA256.HashData(tensorBytes)),
            TargetMean = model.TargetScaling?.Mean.ToArray(),
            TargetScale = model.TargetScaling?.Scale.ToArray(),
            Preprocessing = PreprocessingHeader.Of(model.Preprocessor),
            History = new HistoryHeader([.. model.History.Epochs], model.History.StopReason.ToString(), model.History.BestEpoch, model.History.MetricName),
        };

        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(HeaderEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(entry, header, Json);
        }

        using (var entry = zip.CreateEntry(TensorsEntry, CompressionLevel.Fastest).Open())
        {
            entry.Write(tensorBytes);
        }
    }

    /// <summary>Loads and validates a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model; the message names the file and the problem.</exception>
    public static MlpModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads and validates a model from a stream; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The stream is not a valid model.</exception>
    public static MlpModel Load(Stream stream, string source)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException exception)
        {
            throw Invalid(source, $"it is not a zip archive or the archive is damaged ({exception.Message})");
        }

        using (zip)
        {
            var header = ReadHeader(zip, source);
            var architecture = ReadArchitecture(header, source);
            var network = CheckTensorList(header, architecture, source);
            float[][] tensors = ReadTensors(zip, header, architecture, source);
            var scaling = ReadScaling(header, architecture, source);
            var preprocessor = ReadPreprocessor(header, architecture, source);
            var history = ReadHistory(header, source);
            return new MlpModel(architecture, [.. network.Select(t => t.Name)], tensors, history, scaling, preprocessor);
        }
    }

    private static InvalidDataException Invalid(string source, string problem)
        => new($"'{source}' is not a valid MLNetScratchTrainer model: {problem}.");

    /// <summary>The header's list of tensors: the architecture's, after checking that the model holds exactly those.</summary>
    private static List<TensorHeader> TensorHeaders(MlpModel model)
    {
        var expected = ExpectedTensors(model.Architecture);
        var names = model.TensorNames;
        var values = model.RawTensors;
        if (names.Count != expected.Count)
        {
            throw new InvalidOperationException($"The model holds {names.Count} tensors but its architecture has {expected.Count}.");
        }

        for (int i = 0; i < expected.Count; i++)
        {
            var shape = expected[i];
            if (names[i] != shape.Name || values[i].Length != (long)shape.Rows * shape.Columns)
            {
                throw new InvalidOperationException($"Tensor {i} is {names[i]} with {values[i].Length} values; the architecture expects {shape.Name} with {(long)shape.Rows * shape.Columns}.");
            }
        }

        return expected;
    }

    private static byte[] TensorBytes(IReadOnlyList<float[]> tensors)
    {
        long count = tensors.Sum(t => (long)t.Length);
        var bytes = new byte[count * sizeof(float)];
        int offset = 0;
        foreach (var tensor in tensors)
        {
            var span = bytes.AsSpan(offset, tensor.Length * sizeof(float));
            if (BitConverter.IsLittleEndian)
            {
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.AsSpan()).CopyTo(span);
            }
            else
            {
                for (int i = 0; i < tensor.Length; i++)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(span[(i * 4)..], tensor[i]);
                }
            }

            offset += span.Length;
        }

        return bytes;
    }

    private static ModelHeader ReadHeader(ZipArchive zip, string source)
    {
        var entry = zip.GetEntry(HeaderEntry) ?? throw Invalid(source, $"the archive has no {HeaderEntry} (is it a model saved by another tool?)");
        if (entry.Length > MaxHeaderBytes)
        {
            throw Invalid(source, $"{HeaderEntry} claims {entry.Length} bytes, more than the {MaxHeaderBytes} allowed");
        }

        // The header is read whole (the entry stream ends at the declared size, bounded above) and checked against the
        // entry's CRC-32, which ZipArchive does not verify: the SHA-256 covers only the tensors, and a damaged digit in,
        // say, the target scaling would otherwise load as a different model.
        byte[] json = ReadEntry(entry, source);
        if (System.IO.Hashing.Crc32.HashToUInt32(json) != entry.Crc32)
        {
            throw Invalid(source, $"the CRC-32 of {HeaderEntry} does not match the archive's: the header is corrupted");
        }

        ModelHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<ModelHeader>(json, Json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw Invalid(source, $"{HeaderEntry} cannot be read ({exception.Message})");
        }

        if (header is null || header.Format != FormatName)
        {
            throw Invalid(source, $"the header's format is '{header?.Format}', expected '{FormatName}'");
        }

        if (header.Version is < 1 or > CurrentVersion)
        {
            throw Invalid(source, $"format version {header.Version} is not supported (this library reads version {CurrentVersion})");
        }

        return header;
    }

    /// <summary>The whole content of a (small) entry.</summary>
    private static byte[] ReadEntry(ZipArchiveEntry entry, string source)
    {
        try
        {
            using var reader = entry.Open();
            using var content = new MemoryStream((int)entry.Length);
            reader.CopyTo(content);
            return content.ToArray();
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw Invalid(source, $"{entry.FullName} cannot be read ({exception.Message})");
        }
    }

    private static MlpArchitecture ReadArchitecture(ModelHeader header, string source)
    {
        var a = header.Architecture ?? throw Invalid(source, "the header has no architecture");
        if (a.HiddenLayers?.Length > MaxHiddenLayers)
        {
            throw Invalid(source, $"its architecture has {a.HiddenLayers.Length} hidden layers, more than the {MaxHiddenLayers} this library accepts");
        }

        if (!Enum.TryParse<MlpTask>(a.Task, out var task) || !Enum.IsDefined(task))
        {
            throw Invalid(source, $"unknown task '{a.Task}'");
        }

        if (!Enum.TryParse<Activation>(a.Activation, out var activation) || !Enum.IsDefined(activation))
        {
            throw Invalid(source, $"unknown activation '{a.Activation}'");
        }

        MlpArchitecture architecture;
        try
        {
            architecture = new MlpArchitecture(a.InputSize, a.HiddenLayers ?? [], a.OutputSize, task, activation, a.DropoutRate, a.BatchNormalization, a.LinearSkip);
        }
        catch (ArgumentException exception)
        {
            throw Invalid(source, $"its architecture is impossible ({exception.Message})");
        }

        Int128 parameters = CountValues(architecture);
        if (parameters > MaxParameters)
        {
            throw Invalid(source, $"its architecture claims {parameters} values, more than the {MaxParameters} this library accepts");
        }

        return architecture;
    }

    /// <summary>
    /// Values in tensors.bin: the sizes of the architecture's tensors, summed in 128 bits, since a forged header's
    /// thousand layers of two billion units each would overflow a long.
    /// </summary>
    private static Int128 CountValues(MlpArchitecture architecture)
        => architecture.Tensors.Aggregate(Int128.Zero, (count, tensor) => count + tensor.Size);

    /// <summary>The tensors the architecture needs, as the header lists them.</summary>
    private static List<TensorHeader> ExpectedTensors(MlpArchitecture architecture)
        => [.. architecture.Tensors.Select(t => new TensorHeader(t.Name, t.Rows, t.Columns))];

    private static List<TensorHeader> CheckTensorList(ModelHeader header, MlpArchitecture architecture, string source)
    {
        var expected = ExpectedTensors(architecture);
        var actual = header.Tensors ?? throw Invalid(source, "the header lists no tensors");
        if (!expected.SequenceEqual(actual))
        {
            throw Invalid(source, $"the header lists tensors [{string.Join(", ", actual.Select(t => t is null ? "null" : $"{t.Name} {t.Rows}x{t.Columns}"))}] but the architecture needs [{string.Join(", ", expected.Select(t => $"{t.Name} {t.Rows}x{t.Columns}"))}]");
        }

        return expected;
    }

    private static float[][] ReadTensors(ZipArchive zip, ModelHeader header, MlpArchitecture architecture, string source)
    {
        var shapes = header.Tensors!;
        long values = shapes.Sum(t => (long)t.Rows * t.Columns);
        long bytes = values * sizeof(float);
        var entry = zip.GetEntry(TensorsEntry) ?? throw Invalid(source, $"the archive has no {TensorsEntry}");
        if (entry.Length != bytes)
        {
            throw Invalid(source, $"{TensorsEntry} holds {entry.Length} bytes but the architecture needs {bytes} ({values} float32 values)");
        }

        if (entry.CompressedLength * MaxDeflateRatio < bytes)
        {
            throw Invalid(source, $"{TensorsEntry} is {entry.CompressedLength} compressed bytes, too few to hold {bytes} bytes: the file is truncated or forged");
        }

        var buffer = new byte[bytes];
        try
        {
            using var stream = entry.Open();
            stream.ReadExactly(buffer);
            if (stream.ReadByte() != -1)
            {
                throw Invalid(source, $"{TensorsEntry} is longer than its declared size");
            }
        }
        catch (Exception exception) when (exception is EndOfStreamException or InvalidDataException or IOException)
        {
            throw exception is InvalidDataException { Message: var m } && m.Contains("MLNetScratchTrainer", StringComparison.Ordinal)
                ? (InvalidDataException)exception
                : Invalid(source, $"{TensorsEntry} cannot be read in full ({exception.Message})");
        }

        if (!string.Equals(Convert.ToHexString(SHA256.HashData(buffer)), header.TensorsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(source, $"the checksum of {TensorsEntry} does not match the header: the weights are corrupted");
        }

        var tensors = new float[shapes.Count][];
        int offset = 0;
        for (int t = 0; t < shapes.Count; t++)
        {
            var tensor = new float[shapes[t].Rows * shapes[t].Columns];
            for (int i = 0; i < tensor.Length; i++, offset += sizeof(float))
            {
                tensor[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(offset));
                if (!float.IsFinite(tensor[i]))
                {
                    throw Invalid(source, $"tensor {shapes[t].Name} holds {tensor[i]} at index {i}");
                }
            }

            tensors[t] = tensor;
        }

        return tensors;
    }

    private static TargetScaling? ReadScaling(ModelHeader header, MlpArchitecture architecture, string source)
    {
        if (header.TargetMean is null && header.TargetScale is null)
        {
            return null;
        }

        if (architecture.Task != MlpTask.Regression || header.TargetMean?.Length != architecture.OutputSize || header.TargetScale?.Length != architecture.OutputSize)
        {
            throw Invalid(source, $"its target scaling does not fit a {architecture.Task} network with {architecture.OutputSize} outputs");
        }

        try
        {
            return new TargetScaling(header.TargetMean, header.TargetScale);
        }
        catch (ArgumentException exception)
        {
            throw Invalid(source, exception.Message.TrimEnd('.'));
        }
    }

    private static InputPreprocessor? ReadPreprocessor(ModelHeader header, MlpArchitecture architecture, string source)
    {
        if (header.Preprocessing is not { } p)
        {
            return null;
        }

        InputPreprocessor preprocessor;
        try
        {
            preprocessor = new InputPreprocessor(p.Fill ?? [], p.Center ?? [], p.Scale ?? [], p.ClipBound, p.MissingIndicatorFeatures ?? []);
        }
        catch (ArgumentException exception)
        {
            throw Invalid(source, $"its input preprocessing is damaged ({exception.Message.TrimEnd('.')})");
        }

        if (preprocessor.OutputSize != architecture.InputSize)
        {
            throw Invalid(source, $"its input preprocessing makes {preprocessor.OutputSize} inputs but the network takes {architecture.InputSize}");
        }

        return preprocessor;
    }

    private static TrainingHistory ReadHistory(ModelHeader header, string source)
    {
        var h = header.History;
        if (h?.Epochs?.Contains(null!) == true)
        {
            throw Invalid(source, "its training history holds an empty epoch record");
        }

        return h is null
            ? TrainingHistory.Empty
            : new TrainingHistory(h.Epochs ?? [], Enum.TryParse<StopReason>(h.StopReason, out var reason) ? reason : StopReason.Completed, h.BestEpoch, h.MetricName ?? string.Empty);
    }
}
