using Microsoft.ML;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Tests.Support;

/// <summary>
/// The <see cref="SchemaShape"/> of a data view's schema, as ML.NET's internal <c>SchemaShape.Create</c> makes it
/// (visible columns only, with their annotations), for calling estimators' <c>GetOutputSchema</c>.
/// </summary>
internal static class SchemaShapes
{
    public static SchemaShape Of(DataViewSchema schema) => new(schema.Where(column => !column.IsHidden).Select(Column));

    private static SchemaShape.Column Column(DataViewSchema.Column column)
    {
        var shape = ColumnShape.Of(column);
        var annotations = new SchemaShape(column.Annotations.Schema.Select(annotation =>
        {
            var annotationShape = ColumnShape.Of(annotation);
            return MlNetInternals.CreateColumnShape(annotation.Name, annotationShape.Kind, annotationShape.ItemType, annotationShape.IsKey);
        }));
        return MlNetInternals.CreateColumnShape(column.Name, shape.Kind, shape.ItemType, shape.IsKey, annotations);
    }
}
