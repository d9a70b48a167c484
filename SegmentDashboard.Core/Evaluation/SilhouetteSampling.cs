namespace SegmentDashboard.Core.Evaluation;

/// <summary>The stratified sample behind a sampled silhouette, and its estimate with a standard error.</summary>
internal static class SilhouetteSampling
{
    /// <summary>Every cluster contributes at least this many rows (all of its rows when smaller).</summary>
    public const int MinRowsPerCluster = 10;

    /// <summary>
    /// Sample size for n clustered rows: about exactLimit² / n (the cost of an exact run at the
    /// limit, as each sampled row is compared with all n rows), kept between min(1000, exactLimit)
    /// and exactLimit.
    /// </summary>
    public static int TargetSize(int rows, int exactLimit)
    {
        var budget = (long)exactLimit * exactLimit / Math.Max(1, rows);
        var floor = Math.Min(1000, exactLimit);
        return (int)Math.Min(rows, Math.Clamp(budget, floor, exactLimit));
    }

    /// <summary>Sorted row indices: per cluster a proportional share (at least MinRowsPerCluster), drawn without replacement.</summary>
    /// <param name="maxTarget">An optional cap on the sample size (before the per-cluster minimum).</param>
    public static int[] Draw(LabelGroups groups, int exactLimit, int seed, int maxTarget = int.MaxValue)
    {
        var k = groups.ClusterCount;
        var target = Math.Min(maxTarget, TargetSize(groups.IncludedRows, exactLimit));
        var members = new int[k][];
        var filled = new int[k];
        for (var c = 0; c < k; c++)
        {
            members[c] = new int[groups.Counts[c]];
        }

        for (var i = 0; i < groups.Compact.Length; i++)
        {
            var c = groups.Compact[i];
            if (c >= 0)
            {
                members[c][filled[c]++] = i;
            }
        }

        var random = new Random(seed);
        var sample = new List<int>(target + (k * MinRowsPerCluster));
        for (var c = 0; c < k; c++)
        {
            var size = groups.Counts[c];
            var share = (int)Math.Round((double)target * size / groups.IncludedRows, MidpointRounding.AwayFromZero);
            var take = Math.Min(size, Math.Max(MinRowsPerCluster, share));

            // Partial Fisher-Yates: the first `take` entries become a uniform sample.
            var rows = members[c];
            for (var t = 0; t < take; t++)
            {
                var pick = t + random.Next(size - t);
                (rows[t], rows[pick]) = (rows[pick], rows[t]);
                sample.Add(rows[t]);
            }
        }

        sample.Sort();
        return [.. sample];
    }

    /// <summary>
    /// Stratified estimate Σ_c W_c·mean_c (W_c = n_c / n) and its standard error
    /// sqrt(Σ_c W_c²·(1 - m_c/n_c)·s_c²/m_c) with the finite-population correction.
    /// </summary>
    public static (double Score, double StandardError) Estimate(LabelGroups groups, int[] sample, double[] values)
    {
        var k = groups.ClusterCount;
        var count = new int[k];
        var sum = new double[k];
        for (var q = 0; q < sample.Length; q++)
        {
            var c = groups.Compact[sample[q]];
            count[c]++;
            sum[c] += values[q];
        }

        var squares = new double[k];
        for (var q = 0; q < sample.Length; q++)
        {
            var c = groups.Compact[sample[q]];
            var diff = values[q] - (sum[c] / count[c]);
            squares[c] += diff * diff;
        }

        var score = 0.0;
        var variance = 0.0;
        for (var c = 0; c < k; c++)
        {
            var weight = (double)groups.Counts[c] / groups.IncludedRows;
            score += weight * sum[c] / count[c];
            if (count[c] > 1)
            {
                var sampleVariance = squares[c] / (count[c] - 1);
                var correction = 1.0 - ((double)count[c] / groups.Counts[c]);
                variance += weight * weight * correction * sampleVariance / count[c];
            }
        }

        return (score, Math.Sqrt(variance));
    }
}
