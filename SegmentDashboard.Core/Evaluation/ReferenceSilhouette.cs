using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Sampled silhouette for very large inputs: the stratified query sample of
/// <see cref="SilhouetteSampling"/>, but each sampled row's a and b are mean distances to a
/// stratified <em>reference</em> sample of the other rows instead of to all n rows. This makes
/// the cost O(sample · reference · d) instead of O(sample · n · d) (1,000 x 20,000 instead of
/// 1,000 x 1,000,000 on a million rows; the sample is capped at about <see cref="MaxQueries"/> rows).
/// </summary>
/// <remarks>
/// The reference rows are split into <see cref="Parts"/> disjoint stratified parts; every sampled
/// row gets one silhouette value per part, and its value is their mean. The stated standard error
/// adds the between-part variance of the part estimates (divided by the number of parts: the error
/// the finite reference adds) to the usual stratified sampling error of the query rows, so it covers
/// both sources of randomness. Clusters with at most <see cref="SmallCluster"/> rows outside the
/// query sample are used whole in every part (no reference error for them).
/// </remarks>
internal static class ReferenceSilhouette
{
    /// <summary>Disjoint reference parts (each a stratified sample); their spread gives the reference error.</summary>
    public const int Parts = 5;

    /// <summary>
    /// At most about this many sampled (query) rows: against a reference sample, more queries would
    /// cost more than they gain (about ±0.004 standard error at this size on the demo data).
    /// </summary>
    public const int MaxQueries = 1_000;

    /// <summary>Clusters with at most this many non-sampled rows are used whole in every part.</summary>
    public const int SmallCluster = 500;

    /// <summary>Null when the reference would not be smaller than the data (use the exact-distance estimate).</summary>
    public static SilhouetteResult? TryCompute(
        FeatureMatrix x,
        LabelGroups groups,
        int exactLimit,
        int referenceRows,
        int seed,
        CancellationToken cancellationToken)
    {
        if ((long)groups.IncludedRows <= 2L * referenceRows || !groups.HasValidClusterCount)
        {
            return null;
        }

        var k = groups.ClusterCount;
        var sample = SilhouetteSampling.Draw(groups, exactLimit, seed, MaxQueries);
        var inSample = new bool[x.Rows];
        foreach (var row in sample)
        {
            inSample[row] = true;
        }

        // Per cluster: the rows outside the query sample, shuffled (seeded), then split into parts.
        var random = new Random(unchecked(seed + 7919));
        var parts = new List<int>[Parts];
        for (var g = 0; g < Parts; g++)
        {
            parts[g] = new List<int>((referenceRows / Parts) + (k * SmallCluster));
        }

        var members = new List<int>[k];
        for (var c = 0; c < k; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < x.Rows; i++)
        {
            var c = groups.Compact[i];
            if (c >= 0 && !inSample[i])
            {
                members[c].Add(i);
            }
        }

        for (var c = 0; c < k; c++)
        {
            var rows = members[c];
            if (rows.Count == 0)
            {
                return null;
            }

            if (rows.Count <= SmallCluster)
            {
                foreach (var part in parts)
                {
                    part.AddRange(rows);
                }

                continue;
            }

            var share = (int)Math.Round((double)referenceRows * groups.Counts[c] / groups.IncludedRows, MidpointRounding.AwayFromZero);
            var take = Math.Min(rows.Count, Math.Max(SmallCluster, share));
            for (var t = 0; t < take; t++)
            {
                var pick = t + random.Next(rows.Count - t);
                (rows[t], rows[pick]) = (rows[pick], rows[t]);
                parts[t % Parts].Add(rows[t]);
            }
        }

        var values = new double[Parts][];
        for (var g = 0; g < Parts; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            values[g] = PartValues(x, groups, sample, parts[g], cancellationToken);
        }

        var mean = new double[sample.Length];
        var partScores = new double[Parts];
        for (var g = 0; g < Parts; g++)
        {
            partScores[g] = SilhouetteSampling.Estimate(groups, sample, values[g]).Score;
            for (var q = 0; q < sample.Length; q++)
            {
                mean[q] += values[g][q] / Parts;
            }
        }

        var (score, queryError) = SilhouetteSampling.Estimate(groups, sample, mean);
        var partMean = partScores.Average();
        var between = partScores.Sum(s => (s - partMean) * (s - partMean)) / (Parts - 1);
        var standardError = Math.Sqrt((queryError * queryError) + (between / Parts));
        return new SilhouetteResult(score, [.. mean], [.. sample], true, sample.Length, standardError);
    }

    /// <summary>Silhouette of each sampled row with a and b measured against one reference part.</summary>
    private static double[] PartValues(FeatureMatrix x, LabelGroups groups, int[] sample, List<int> part, CancellationToken cancellationToken)
    {
        var k = groups.ClusterCount;

        // Part rows first (with their cluster), then the sampled rows as unlabelled queries.
        var rows = new int[part.Count + sample.Length];
        var labels = new int[rows.Length];
        for (var i = 0; i < part.Count; i++)
        {
            rows[i] = part[i];
            labels[i] = groups.Compact[part[i]];
        }

        var queries = new int[sample.Length];
        for (var q = 0; q < sample.Length; q++)
        {
            rows[part.Count + q] = sample[q];
            labels[part.Count + q] = -1;
            queries[q] = part.Count + q;
        }

        var local = LabelGroups.Create(labels);
        var sums = ClusterDistanceSums.Compute(x.SelectRows(rows), local, queries, Environment.ProcessorCount, cancellationToken);
        var values = new double[sample.Length];
        for (var q = 0; q < sample.Length; q++)
        {
            var own = groups.Compact[sample[q]];
            if (groups.Counts[own] == 1)
            {
                continue;
            }

            var a = sums[(q * k) + own] / local.Counts[own];
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own)
                {
                    b = Math.Min(b, sums[(q * k) + c] / local.Counts[c]);
                }
            }

            var s = (b - a) / Math.Max(a, b);
            values[q] = double.IsNaN(s) ? 0.0 : s;
        }

        return values;
    }
}
