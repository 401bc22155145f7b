namespace MLNetScratchTrainer.Engine.Preprocessing;

/// <summary>
/// Quantiles of a column of values as sorting would give them (linear interpolation between the order statistics around
/// position p·(n − 1)), found in linear time by selection: the values are reordered, not sorted.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>
    /// The first quartile, the median and the third quartile of the values, reordering them: the median first, after
    /// which each quartile is sought only in the half that holds it.
    /// </summary>
    public static (float Lower, float Median, float Upper) Quartiles(Span<float> values)
    {
        int last = values.Length - 1;
        float median = Quantile(values, 0.5, 0, last);
        int middle = Rank(0.5, values.Length);
        return (Quantile(values, 0.25, 0, middle), median, Quantile(values, 0.75, middle, last));
    }

    /// <summary>The order statistic below the position p·(n − 1) of the p-quantile of n values.</summary>
    private static int Rank(double p, int n) => (int)Math.Floor(p * (n - 1));

    /// <summary>
    /// The <paramref name="p"/>-quantile of the values, interpolating linearly between the two order statistics around
    /// position p·(n − 1): the value the sorted values would give, found in linear time. It is sought in positions
    /// [<paramref name="lo"/>, <paramref name="hi"/>], which must hold it: no value before lo is larger than one in the
    /// range, no value after hi smaller (as after an earlier selection).
    /// </summary>
    private static float Quantile(Span<float> values, double p, int lo, int hi)
    {
        double position = p * (values.Length - 1);
        int below = Rank(p, values.Length);
        float low = OrderStatistic(values, below, lo, hi);
        // Every value past position below is now at least as large, and past hi at least as large as any in the range:
        // the next order statistic is the least value in (below, hi], or past hi when below is the range's end.
        float high = below < hi ? Min(values[(below + 1)..(hi + 1)]) : below + 1 < values.Length ? Min(values[(below + 1)..]) : low;
        return (float)(low + ((position - below) * (high - (double)low)));
    }

    /// <summary>
    /// The k-th smallest of the values (from 0), by quickselect within positions [lo, hi], which hold it: reorders them
    /// so that it stands at position k, no larger value before it and no smaller one after. Each round splits the range
    /// three ways around a median of three (so a column of mostly equal values, such as a border pixel, takes one round);
    /// a range that does not shrink fast enough is sorted instead.
    /// </summary>
    private static float OrderStatistic(Span<float> values, int k, int lo, int hi)
    {
        for (int rounds = 0; lo < hi; rounds++)
        {
            if (rounds > 64)
            {
                values[lo..(hi + 1)].Sort();
                break;
            }

            float pivot = MedianOfThree(values[lo], values[lo + ((hi - lo) / 2)], values[hi]);
            int less = lo, i = lo, greater = hi;
            while (i <= greater)
            {
                float v = values[i];
                if (v < pivot)
                {
                    (values[i], values[less]) = (values[less], v);
                    less++;
                    i++;
                }
                else if (v > pivot)
                {
                    (values[i], values[greater]) = (values[greater], v);
                    greater--;
                }
                else
                {
                    i++;
                }
            }

            if (k < less)
            {
                hi = less - 1;
            }
            else if (k > greater)
            {
                lo = greater + 1;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static float MedianOfThree(float a, float b, float c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>The least of the values.</summary>
    public static float Min(ReadOnlySpan<float> values)
    {
        float min = values[0];
        foreach (float v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    /// <summary>The greatest of the values.</summary>
    public static float Max(ReadOnlySpan<float> values)
    {
        float max = values[0];
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
