using System.Collections;
using System.Reflection;
using Microsoft.ML.Transforms;

namespace MLNetScratchTrainer.Interop;

/// <summary>
/// The output and input column names of a fitted <see cref="NormalizingTransformer"/>, for the ONNX export. Its parameters
/// are public (<see cref="NormalizingTransformer.GetNormalizerModelParameters"/>) but not which columns they belong to:
/// those are the public fields <c>Name</c> and <c>InputColumnName</c> of the internal <c>ColumnOptions</c> class, held in
/// the internal field <c>Columns</c>. Read by name, like <see cref="MlNetInternals"/>; <c>NormalizerColumnsTests</c> fails loudly if an ML.NET upgrade removes them.
/// </summary>
internal static class NormalizerColumns
{
    /// <summary>The (output, input) column pair of each column the normalizer writes, in the order of its parameters.</summary>
    /// <exception cref="MissingMemberException">This ML.NET version has no such members.</exception>
    public static IReadOnlyList<(string Name, string InputColumnName)> Read(NormalizingTransformer normalizer)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var columnsField = typeof(NormalizingTransformer).GetField("Columns", Instance) ?? throw Missing("NormalizingTransformer.Columns");
        var pairs = new List<(string, string)>();
        foreach (object column in (IEnumerable)columnsField.GetValue(normalizer)!)
        {
            var name = column.GetType().GetField("Name", Instance) ?? throw Missing("NormalizingTransformer.ColumnOptions.Name");
            var input = column.GetType().GetField("InputColumnName", Instance) ?? throw Missing("NormalizingTransformer.ColumnOptions.InputColumnName");
            pairs.Add(((string)name.GetValue(column)!, (string)input.GetValue(column)!));
        }

        return pairs;
    }

    private static MissingMemberException Missing(string member)
        => new($"MLNetScratchTrainer's ONNX export needs the internal member {member} of Microsoft.ML.Data {typeof(NormalizingTransformer).Assembly.GetName().Version}, " +
               "which this ML.NET does not have. The plugin is built and tested against Microsoft.ML 5.0.1; use that version.");
}
