using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>Centre and scale of one matrix column for each <see cref="ScalingMethod"/>.</summary>
internal static class FeatureScaling
{
    /// <summary>
    /// (center, scale) so that the scaled value is (x - center) / scale. A zero spread gives
    /// scale 1, as scikit-learn does, so a constant column becomes 0 rather than NaN.
    /// </summary>
    public static (double Center, double Scale) Parameters(ReadOnlySpan<double> values, ScalingMethod method)
    {
        if (values.Length == 0)
        {
            return (0, 1);
        }

        switch (method)
        {
            case ScalingMethod.ZScore:
            {
                var mean = Mean(values);
                var sum = 0.0;
                foreach (var value in values)
                {
                    var diff = value - mean;
                    sum += diff * diff;
                }

                return (mean, NonZero(Math.Sqrt(sum / values.Length), mean));
            }

            case ScalingMethod.MinMax:
            {
                var min = double.PositiveInfinity;
                var max = double.NegativeInfinity;
                foreach (var value in values)
                {
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                }

                return (min, NonZero(max - min, max));
            }

            case ScalingMethod.Robust:
            {
                var sorted = values.ToArray();
                Array.Sort(sorted);
                var median = Quantiles.OfSorted(sorted, 0.5);
                return (median, NonZero(Quantiles.OfSorted(sorted, 0.75) - Quantiles.OfSorted(sorted, 0.25), median));
            }

            default:
                return (0, 1);
        }
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>Machine epsilon of double (NumPy's finfo(float64).eps).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static double NonZero(double spread, double magnitude) =>
        spread < 10 * MachineEpsilon || spread <= Math.Abs(magnitude) * 1e-12 ? 1 : spread;
}
