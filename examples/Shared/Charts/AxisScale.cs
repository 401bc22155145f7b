using System.Globalization;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// Maps data values onto an axis and chooses its ticks: round steps of 1, 2 or 5 times a power of ten on a linear
/// axis, whole decades on a logarithmic one. The axis range is widened to the first and last tick.
/// </summary>
public sealed class AxisScale
{
    private readonly Func<double, double> _transform;

    private AxisScale(double minimum, double maximum, bool logarithmic, IReadOnlyList<double> ticks)
    {
        Minimum = minimum;
        Maximum = maximum;
        Ticks = ticks;
        _transform = logarithmic ? Math.Log10 : value => value;
    }

    /// <summary>Lowest value on the axis.</summary>
    public double Minimum { get; }

    /// <summary>Highest value on the axis.</summary>
    public double Maximum { get; }

    /// <summary>The values to mark, lowest first; the first and last are <see cref="Minimum"/> and <see cref="Maximum"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>A linear axis covering [<paramref name="low"/>, <paramref name="high"/>] with about <paramref name="targetTicks"/> ticks.</summary>
    public static AxisScale Linear(double low, double high, int targetTicks = 6)
    {
        RequireFinite(low, high);
        if (low > high)
        {
            (low, high) = (high, low);
        }

        if (low == high)
        {
            double pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - pad, high + pad);
        }

        double step = NiceStep((high - low) / Math.Max(1, targetTicks - 1));
        double first = Math.Floor((low / step) + 1e-9) * step;
        double last = Math.Ceiling((high / step) - 1e-9) * step;
        int count = (int)Math.Round((last - first) / step);
        var ticks = new double[count + 1];
        for (int i = 0; i <= count; i++)
        {
            double tick = first + (i * step);
            ticks[i] = Math.Abs(tick) < step * 1e-9 ? 0 : tick;
        }

        return new AxisScale(ticks[0], ticks[^1], logarithmic: false, ticks);
    }

    /// <summary>
    /// A log10 axis from the decade at or below <paramref name="low"/> to the decade at or above <paramref name="high"/>;
    /// both must be positive. Ticks mark decades, and also 2 and 5 times each decade when the axis spans at most two.
    /// </summary>
    public static AxisScale Logarithmic(double low, double high)
    {
        RequireFinite(low, high);
        if (!(low > 0 && high > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"A logarithmic axis needs positive bounds but got {low} and {high}.");
        }

        if (low > high)
        {
            (low, high) = (high, low);
        }

        int first = (int)Math.Floor(Math.Log10(low) + 1e-6);
        int last = (int)Math.Ceiling(Math.Log10(high) - 1e-6);
        if (last == first)
        {
            last++;
        }

        const int maxTicks = 9;
        int every = (int)Math.Ceiling((last - first) / (double)(maxTicks - 1));
        last = first + ((int)Math.Ceiling((last - first) / (double)every) * every);
        const int fewDecades = 2;
        double[] multiples = last - first <= fewDecades ? [1, 2, 5] : [1];
        var ticks = new List<double>();
        for (int decade = first; decade <= last; decade += every)
        {
            ticks.AddRange(multiples.Select(m => m * Math.Pow(10, decade)).Where(tick => decade < last || tick == Math.Pow(10, last)));
        }

        return new AxisScale(ticks[0], ticks[^1], logarithmic: true, ticks);
    }

    /// <summary>Where <paramref name="value"/> lies on the axis: 0 at <see cref="Minimum"/>, 1 at <see cref="Maximum"/>.</summary>
    public double Fraction(double value)
    {
        double low = _transform(Minimum);
        return (_transform(value) - low) / (_transform(Maximum) - low);
    }

    /// <summary>A short label for a tick: plain decimals for ordinary magnitudes, "2.5e-5" style otherwise.</summary>
    public static string FormatTick(double value)
    {
        double magnitude = Math.Abs(value);
        if (value == 0 || (magnitude >= 1e-3 && magnitude < 1e6))
        {
            return value.ToString("0.####", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 2);
        string mantissaText = Math.Abs(mantissa) == 1 ? (mantissa < 0 ? "-1" : "1") : mantissa.ToString("0.##", CultureInfo.InvariantCulture);
        return $"{mantissaText}e{exponent}";
    }

    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    private static void RequireFinite(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"Axis bounds must be finite but got {low} and {high}.");
        }
    }
}
