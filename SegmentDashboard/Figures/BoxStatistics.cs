using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Figures;

/// <summary>Tukey box: quartiles (linear interpolation), whiskers at the furthest values within 1.5 IQR.</summary>
public sealed record BoxStatistics(double Q1, double Median, double Q3, double LowerFence, double UpperFence, double Mean)
{
    public static BoxStatistics Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new BoxStatistics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var q1 = Quantiles.OfSorted(sorted, 0.25);
        var q3 = Quantiles.OfSorted(sorted, 0.75);
        var iqr = q3 - q1;
        var lower = sorted.First(v => v >= q1 - (1.5 * iqr));
        var upper = sorted.Last(v => v <= q3 + (1.5 * iqr));
        return new BoxStatistics(q1, Quantiles.OfSorted(sorted, 0.5), q3, lower, upper, sorted.Average());
    }
}
