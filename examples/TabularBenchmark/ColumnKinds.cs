using System.Globalization;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>The rules that read a column's kind and a target's task from its values, with no per-data-set code.</summary>
internal static class ColumnKinds
{
    /// <summary>
    /// A numeric target with integer values only and at most this many distinct values is a class label (such as digits'
    /// 0–9); with more it is a regression target (such as diabetes' 25–346).
    /// </summary>
    public const int MaximumClassesOfNumericTarget = 20;

    /// <summary>True when <paramref name="value"/> is a number in the invariant culture (<c>.</c> as decimal point, exponents allowed).</summary>
    public static bool IsNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number);

    /// <summary>Text when any non-empty value is not a number; numeric otherwise (a column of empty fields only is numeric).</summary>
    public static ColumnKind KindOf(IEnumerable<string> values) =>
        values.Any(value => value.Length > 0 && !IsNumber(value)) ? ColumnKind.Text : ColumnKind.Numeric;

    /// <summary>
    /// What is learned from a target column: binary classification for two distinct values, multiclass for text values
    /// or for integers with at most <see cref="MaximumClassesOfNumericTarget"/> distinct values, regression otherwise.
    /// </summary>
    /// <exception cref="InvalidDataException">The target has fewer than two distinct values.</exception>
    public static MlpTask TaskOf(IReadOnlyCollection<string> distinctTargets, ColumnKind targetKind)
    {
        ArgumentNullException.ThrowIfNull(distinctTargets);
        if (distinctTargets.Count < 2)
        {
            throw new InvalidDataException($"The target has {distinctTargets.Count} distinct value(s) ({string.Join(", ", distinctTargets)}); at least two are needed.");
        }

        bool classes = targetKind == ColumnKind.Text
            || (distinctTargets.Count <= MaximumClassesOfNumericTarget && distinctTargets.All(IsInteger));
        if (!classes)
        {
            return MlpTask.Regression;
        }

        return distinctTargets.Count == 2 ? MlpTask.BinaryClassification : MlpTask.MulticlassClassification;
    }

    private static bool IsInteger(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && number == Math.Floor(number);
}
