namespace SegmentDashboard.Core.Statistics;

/// <summary>
/// Quantiles with linear interpolation (numpy's default, "type 7", as pandas and scikit-learn):
/// the one quantile of the product (column summaries, histograms, robust scaling, median imputation,
/// profile medians, box plots).
/// </summary>
public static class Quantiles
{
    /// <summary>The <paramref name="q"/> quantile of ascending <paramref name="sorted"/>; NaN when empty.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var weight = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * weight);
    }

    /// <summary>The median of <paramref name="values"/> in any order (a sorted copy is made); NaN when empty.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, 0.5);
    }

    /// <summary>The finite values of <paramref name="values"/>, sorted ascending (a new array).</summary>
    public static double[] SortedFinite(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var value in values)
        {
            count += double.IsFinite(value) ? 1 : 0;
        }

        var sorted = new double[count];
        var i = 0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                sorted[i++] = value;
            }
        }

        Array.Sort(sorted);
        return sorted;
    }
}
