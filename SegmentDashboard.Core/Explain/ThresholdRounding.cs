namespace SegmentDashboard.Core.Explain;

/// <summary>Picks the roundest number a person would type between two neighbouring data values.</summary>
public static class ThresholdRounding
{
    /// <summary>
    /// The roundest r with <paramref name="below"/> &lt; r ≤ <paramref name="above"/> (81,000 rather
    /// than 80,987.5), trying steps 10^e, 5·10^(e-1), 2·10^(e-1) from large to small; null when
    /// none is found within 15 orders of magnitude. Then "x &lt; r" splits the data exactly as
    /// "x ≤ t" for any t in [below, above): no value lies in between.
    /// </summary>
    public static double? Between(double below, double above)
    {
        if (!(below < above) || double.IsInfinity(below) || double.IsInfinity(above))
        {
            return null;
        }

        var top = (int)Math.Ceiling(Math.Log10(Math.Max(Math.Abs(below), Math.Abs(above)) + 1e-300)) + 1;
        for (var e = top; e > top - 15; e--)
        {
            foreach (var (multiple, exponent) in new[] { (1.0, e), (5.0, e - 1), (2.0, e - 1) })
            {
                var step = multiple * Math.Pow(10, exponent);
                var decimals = Math.Clamp(-exponent, 0, 15);
                var candidate = Math.Round((Math.Floor(below / step) + 1) * step, decimals);
                if (candidate > below && candidate <= above)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
