using Microsoft.ML;
using MLNetScratchTrainer.Engine.Serialization;

namespace MLNetScratchTrainer.Persistence;

/// <summary>
/// A crash-safe alternative to <c>mlContext.Model.Save(model, schema, path)</c>. ML.NET's own save opens the target with
/// <see cref="FileMode.Create"/> and writes into it: a process killed meanwhile leaves a truncated, unloadable file in place
/// of the old model. This writes a temporary file beside the target and renames it over the target when complete.
/// </summary>
public static class AtomicModelSave
{
    /// <summary>
    /// Saves <paramref name="model"/> (any ML.NET transformer, with or without Mlp parts) like
    /// <see cref="ModelOperationsCatalog.Save(ITransformer, DataViewSchema, string)"/>, but atomically: after a crash the
    /// file at <paramref name="path"/> is either the old model or the new one. A killed save may leave a hidden
    /// <c>.&lt;name&gt;.&lt;random&gt;.tmp</c> file beside it, which nothing reads and which may be deleted.
    /// </summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="model">The transformer to save.</param>
    /// <param name="inputSchema">The schema of the data the model was trained on, or null, as for ML.NET's save.</param>
    /// <param name="path">The file to create or replace.</param>
    public static void SaveAtomically(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema? inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        AtomicFile.Write(path, stream => catalog.Save(model, inputSchema, stream));
    }
}
