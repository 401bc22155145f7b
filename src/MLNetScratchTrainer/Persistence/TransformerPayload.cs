using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Serialization;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Persistence;

/// <summary>
/// What an Mlp transformer writes into its entry of an ML.NET model .zip, after ML.NET's header: a format version,
/// the feature column's name, the label's key values (multiclass), and the engine's own model file as a byte blob,
/// so that the engine's validation (sizes, SHA-256 of the weights, finiteness) protects against damaged files.
/// </summary>
/// <param name="Model">The trained network.</param>
/// <param name="FeatureColumnName">The column the transformer reads its features from.</param>
/// <param name="LabelKeyValues">The training label's key values (multiclass only), or null.</param>
internal sealed record TransformerPayload(MlpModel Model, string FeatureColumnName, LabelKeyValues? LabelKeyValues)
{
    /// <summary>The payload format this version writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes the payload.</summary>
    public void Write(BinaryWriter writer)
    {
        using var blob = new MemoryStream();
        Model.Save(blob);
        writer.Write(FormatVersion);
        writer.Write(FeatureColumnName);
        writer.Write(LabelKeyValues is not null);
        LabelKeyValues?.Write(writer);
        writer.Write(checked((int)blob.Length));
        writer.Write(blob.GetBuffer(), 0, (int)blob.Length);
    }

    /// <summary>Reads and validates a payload; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The payload is damaged or was written by a newer version.</exception>
    public static TransformerPayload Read(BinaryReader reader, string source)
    {
        try
        {
            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw Invalid(source, $"its format version is {version}, but this MLNetScratchTrainer reads version {FormatVersion}");
            }

            string featureColumnName = reader.ReadString();
            if (string.IsNullOrEmpty(featureColumnName))
            {
                throw Invalid(source, "the feature column name is empty");
            }

            var keyValues = reader.ReadBoolean() ? LabelKeyValues.Read(reader, source) : null;
            int length = reader.ReadInt32();
            long available = reader.BaseStream.Length - reader.BaseStream.Position;
            if (length <= 0 || length > available)
            {
                throw Invalid(source, $"it announces a model of {length} bytes but {available} bytes remain");
            }

            using var blob = new MemoryStream(reader.ReadBytes(length), writable: false);
            var model = ModelFile.Load(blob, source);
            if (keyValues is not null && (model.Architecture.Task != MlpTask.MulticlassClassification || keyValues.Count != model.OutputSize))
            {
                throw Invalid(source, $"it holds {keyValues.Count} label key values for a {model.Architecture.Task} network with {model.OutputSize} outputs");
            }

            if (model.Architecture.Task == MlpTask.Regression && model.OutputSize != 1)
            {
                throw Invalid(source, $"it holds a regression network with {model.OutputSize} outputs; the plugin's regression transformer has one");
            }

            return new TransformerPayload(model, featureColumnName, keyValues);
        }
        catch (Exception exception) when (exception is IOException or FormatException)
        {
            throw Invalid(source, $"it is truncated or damaged ({exception.Message})");
        }
    }

    /// <summary>The exception for a damaged payload, naming where it was read from.</summary>
    internal static InvalidDataException Invalid(string source, string problem)
        => new($"The Mlp transformer in {source} cannot be loaded: {problem}.");
}
