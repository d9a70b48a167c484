using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Silhouette of a labelling. When <see cref="IsSampled"/>, <see cref="Score"/> is estimated
/// from a stratified sample of <see cref="SampleSize"/> rows and <see cref="StandardError"/>
/// states its error; <see cref="PerSample"/> then holds the sampled rows' values with
/// <see cref="SampleRows"/> giving their row indices. Exact: every row, StandardError 0.
/// </summary>
/// <remarks>
/// In every case <c>PerSample[i]</c> belongs to row <c>SampleRows[i]</c>. Exact: SampleRows is
/// 0..n-1, noise rows (label -1) carry NaN and <see cref="SampleSize"/> counts the clustered
/// rows. Undefined (fewer than 2 clusters, or as many clusters as rows): Score NaN, empty arrays.
/// </remarks>
public sealed record SilhouetteResult(
    double Score,
    ImmutableArray<double> PerSample,
    ImmutableArray<int> SampleRows,
    bool IsSampled,
    int SampleSize,
    double StandardError);

/// <summary>Silhouette coefficient (scikit-learn's definition; noise rows excluded).</summary>
public static class Silhouette
{
    /// <summary>Rows above which <see cref="Compute"/> samples instead of computing exactly.</summary>
    public const int DefaultExactLimit = 20_000;

    /// <summary>Exact, multi-core, O(n²·d) time and O(n·k) memory.</summary>
    public static SilhouetteResult Exact(FeatureMatrix x, ReadOnlySpan<int> labels, CancellationToken cancellationToken = default)
        => ExactParallel(x, labels, Environment.ProcessorCount, cancellationToken);

    /// <summary>Exact up to <paramref name="exactLimit"/> rows, a stratified sampled estimate above.</summary>
    /// <remarks>
    /// The sample takes about exactLimit² / n rows (between min(1000, exactLimit) and exactLimit),
    /// allocated to clusters in proportion to their sizes with at least
    /// 10 rows each (all of a smaller cluster's rows); every sampled row's value is
    /// exact (computed against all rows). Score is the stratified mean (the plain sample mean when
    /// the allocation is exactly proportional); StandardError includes the finite-population correction.
    /// </remarks>
    public static SilhouetteResult Compute(
        FeatureMatrix x,
        ReadOnlySpan<int> labels,
        int exactLimit = DefaultExactLimit,
        int seed = 0,
        CancellationToken cancellationToken = default)
        => ComputeParallel(x, labels, exactLimit, seed, Environment.ProcessorCount, cancellationToken);

    /// <summary>
    /// As <see cref="Compute"/>, but above <paramref name="exactLimit"/> rows, when the data has more
    /// than twice <paramref name="referenceRows"/> rows, the sampled rows' a and b are measured against
    /// a stratified reference sample of about <paramref name="referenceRows"/> rows (see
    /// <see cref="ReferenceSilhouette"/>; the standard error includes the reference's error).
    /// </summary>
    internal static SilhouetteResult ComputeWithReference(
        FeatureMatrix x,
        ReadOnlySpan<int> labels,
        int exactLimit,
        int referenceRows,
        int seed,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exactLimit, 2, nameof(exactLimit));
        var groups = LabelGroups.Create(x, labels, nameof(labels));
        if (groups.IncludedRows > exactLimit
            && ReferenceSilhouette.TryCompute(x, groups, exactLimit, referenceRows, seed, cancellationToken) is { } estimate)
        {
            return estimate;
        }

        return ComputeParallel(x, labels, exactLimit, seed, Environment.ProcessorCount, cancellationToken);
    }

    internal static SilhouetteResult ExactParallel(FeatureMatrix x, ReadOnlySpan<int> labels, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var groups = LabelGroups.Create(x, labels, nameof(labels));
        return ExactCore(x, groups, maxDegreeOfParallelism, cancellationToken);
    }

    internal static SilhouetteResult ComputeParallel(
        FeatureMatrix x,
        ReadOnlySpan<int> labels,
        int exactLimit,
        int seed,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exactLimit, 2, nameof(exactLimit));
        var groups = LabelGroups.Create(x, labels, nameof(labels));
        if (groups.IncludedRows <= exactLimit)
        {
            return ExactCore(x, groups, maxDegreeOfParallelism, cancellationToken);
        }

        ValidateParallelism(maxDegreeOfParallelism);
        cancellationToken.ThrowIfCancellationRequested();
        if (!groups.HasValidClusterCount)
        {
            return Undefined();
        }

        var sample = SilhouetteSampling.Draw(groups, exactLimit, seed);
        var values = Values(x, groups, sample, maxDegreeOfParallelism, cancellationToken);
        var (score, standardError) = SilhouetteSampling.Estimate(groups, sample, values);
        return new SilhouetteResult(score, [.. values], [.. sample], true, sample.Length, standardError);
    }

    private static SilhouetteResult ExactCore(FeatureMatrix x, LabelGroups groups, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ValidateParallelism(maxDegreeOfParallelism);
        cancellationToken.ThrowIfCancellationRequested();
        if (!groups.HasValidClusterCount)
        {
            return Undefined();
        }

        var queries = new int[groups.IncludedRows];
        for (int i = 0, q = 0; i < groups.Compact.Length; i++)
        {
            if (groups.Compact[i] >= 0)
            {
                queries[q++] = i;
            }
        }

        var values = Values(x, groups, queries, maxDegreeOfParallelism, cancellationToken);
        var perRow = new double[x.Rows];
        Array.Fill(perRow, double.NaN);
        var sum = 0.0;
        for (var q = 0; q < queries.Length; q++)
        {
            perRow[queries[q]] = values[q];
            sum += values[q];
        }

        var allRows = ImmutableArray.CreateRange(Enumerable.Range(0, x.Rows));
        return new SilhouetteResult(sum / queries.Length, [.. perRow], allRows, false, queries.Length, 0.0);
    }

    /// <summary>s_i = (b - a) / max(a, b) for each query row; 0 in a singleton cluster (and when a = b = 0).</summary>
    private static double[] Values(FeatureMatrix x, LabelGroups groups, int[] queries, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var k = groups.ClusterCount;
        var sums = ClusterDistanceSums.Compute(x, groups, queries, maxDegreeOfParallelism, cancellationToken);
        var values = new double[queries.Length];
        for (var q = 0; q < queries.Length; q++)
        {
            var own = groups.Compact[queries[q]];
            if (groups.Counts[own] == 1)
            {
                continue;
            }

            var a = sums[(q * k) + own] / (groups.Counts[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own)
                {
                    b = Math.Min(b, sums[(q * k) + c] / groups.Counts[c]);
                }
            }

            var s = (b - a) / Math.Max(a, b);
            values[q] = double.IsNaN(s) ? 0.0 : s;
        }

        return values;
    }

    private static SilhouetteResult Undefined() => new(double.NaN, [], [], false, 0, double.NaN);

    private static void ValidateParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, $"{nameof(maxDegreeOfParallelism)} must be at least 1.");
        }
    }
}
