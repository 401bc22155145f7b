namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// The input preprocessing a model may apply before its network, as plain arrays: for each feature j, a NaN becomes
/// <see cref="Fill"/>[j]; then z = (x − <see cref="Center"/>[j]) · <see cref="Scale"/>[j]; then, when
/// <see cref="ClipBound"/> c is set, the smooth clip z / √(1 + (z / c)²), which keeps |z| below c; finally one missing
/// indicator per index in <see cref="MissingIndicatorFeatures"/> (1 where that raw feature was NaN, else 0) is appended.
/// </summary>
/// <param name="Fill">The value replacing NaN, per feature.</param>
/// <param name="Center">Subtracted from each feature.</param>
/// <param name="Scale">Multiplies each centred feature.</param>
/// <param name="ClipBound">The smooth clip's bound c (positive), or null for no clip.</param>
/// <param name="MissingIndicatorFeatures">The features that get a missing indicator, in output order.</param>
public sealed record OnnxPreprocessing(float[] Fill, float[] Center, float[] Scale, float? ClipBound, int[] MissingIndicatorFeatures)
{
    /// <summary>Features read per row.</summary>
    public int InputSize => Fill.Length;

    /// <summary>Values written per row: the features followed by the indicators.</summary>
    public int OutputSize => Fill.Length + MissingIndicatorFeatures.Length;

    /// <summary>
    /// Appends the preprocessing reading <paramref name="input"/> ([N, <see cref="InputSize"/>]) and returns the name of
    /// its output ([N, <see cref="OutputSize"/>]). Operators: IsNaN, Where, Sub, Mul, Div, Add, Sqrt, Gather, Cast, Concat.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays disagree in length, the clip bound is not positive, or an indicator index is out of range.</exception>
    public string AppendTo(OnnxGraph graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Validate();
        int width = InputSize;
        string missing = graph.AddNode("IsNaN", [input], "missing");
        string filled = graph.AddNode("Where", [missing, graph.AddFloats("fill", Fill, width), input], "filled");
        string centred = graph.AddNode("Sub", [filled, graph.AddFloats("center", Center, width)], "centred");
        string z = graph.AddNode("Mul", [centred, graph.AddFloats("scale", Scale, width)], "standardised");
        if (ClipBound is float bound)
        {
            string ratio = graph.AddNode("Div", [z, graph.AddFloats("clip_bound", [bound])], "clip_ratio");
            string squared = graph.AddNode("Mul", [ratio, ratio], "clip_ratio_squared");
            string onePlus = graph.AddNode("Add", [squared, graph.AddFloats("one", [1f])], "clip_one_plus");
            z = graph.AddNode("Div", [z, graph.AddNode("Sqrt", [onePlus], "clip_denominator")], "clipped");
        }

        if (MissingIndicatorFeatures.Length == 0)
        {
            return z;
        }

        long[] indices = [.. MissingIndicatorFeatures.Select(i => (long)i)];
        string picked = graph.AddNode("Gather", [missing, graph.AddIntegers("indicator_features", indices, indices.Length)], "indicator_mask", OnnxAttribute.Of("axis", 1L));
        string indicators = graph.AddNode("Cast", [picked], "indicators", OnnxAttribute.Of("to", (long)OnnxElementType.Float));
        return graph.AddNode("Concat", [z, indicators], "preprocessed", OnnxAttribute.Of("axis", 1L));
    }

    private void Validate()
    {
        if (Center.Length != InputSize || Scale.Length != InputSize || InputSize == 0)
        {
            throw new ArgumentException($"Preprocessing needs one fill, center and scale per feature; got {Fill.Length} fills, {Center.Length} centers and {Scale.Length} scales.");
        }

        if (ClipBound is float bound && !(bound > 0f && float.IsFinite(bound)))
        {
            throw new ArgumentException($"The clip bound must be positive and finite; got {bound}.");
        }

        int bad = Array.FindIndex(MissingIndicatorFeatures, i => i < 0 || i >= InputSize);
        if (bad >= 0)
        {
            throw new ArgumentException($"Missing indicator {bad} names feature {MissingIndicatorFeatures[bad]}, outside 0 … {InputSize - 1}.");
        }
    }
}
