using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>Every metric for one k of a sweep.</summary>
public sealed record KSweepPoint(int K, double Inertia, double Silhouette, double CalinskiHarabasz, double DaviesBouldin, int SmallestClusterSize);

/// <summary>The result of a k-sweep and the suggested k (never one that makes a one-customer segment).</summary>
public sealed record KSweepResult(ImmutableArray<KSweepPoint> Points, int SuggestedK, string Reason);

/// <summary>Options of a k-sweep.</summary>
public sealed record KSweepOptions
{
    /// <summary>Smallest k tried; at least 2 (the silhouette needs two clusters). Default 2.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k tried (capped at rows - 1); at least <see cref="MinK"/>. Default 15.</summary>
    public int MaxK { get; init; } = 15;

    /// <summary>Rows above which the silhouette per k is a sampled estimate.</summary>
    public int SilhouetteExactLimit { get; init; } = 5_000;

    public int Seed { get; init; }
}

/// <summary>Clusters for k = MinK..MaxK (capped at rows - 1) and scores each k.</summary>
public static class KSweep
{
    /// <param name="cluster">Labels for a given k (e.g. K-means with a seed); called once per k.</param>
    /// <remarks>
    /// SuggestedK is the k with the highest silhouette among the ks whose smallest segment has at
    /// least max(2, ⌈1% of rows⌉) rows; ties go to the smaller k. Progress reports the share of ks done.
    /// </remarks>
    public static KSweepResult Run(
        FeatureMatrix x,
        KSweepOptions options,
        Func<int, CancellationToken, ImmutableArray<int>> cluster,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        Validate(x, options);

        var maxK = Math.Min(options.MaxK, x.Rows - 1);
        var points = ImmutableArray.CreateBuilder<KSweepPoint>(maxK - options.MinK + 1);
        for (var k = options.MinK; k <= maxK; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var labels = cluster(k, cancellationToken);
            if (labels.IsDefault || labels.Length != x.Rows)
            {
                throw new InvalidOperationException($"The cluster function returned {(labels.IsDefault ? 0 : labels.Length)} labels for k = {k}; expected one per row ({x.Rows}).");
            }

            var span = labels.AsSpan();
            var silhouette = Silhouette.Compute(x, span, options.SilhouetteExactLimit, options.Seed, cancellationToken);
            points.Add(new KSweepPoint(
                k,
                ClusterMetrics.Inertia(x, span),
                silhouette.Score,
                ClusterMetrics.CalinskiHarabasz(x, span),
                ClusterMetrics.DaviesBouldin(x, span),
                SmallestClusterSize(span)));
            progress?.Report((double)(k - options.MinK + 1) / (maxK - options.MinK + 1));
        }

        var result = points.MoveToImmutable();
        var (suggested, reason) = Suggest(result, MinimumSegmentSize(x.Rows));
        return new KSweepResult(result, suggested, reason);
    }

    /// <summary>The smallest segment a suggested k may have: max(2, ⌈1% of rows⌉).</summary>
    internal static int MinimumSegmentSize(int rows) => Math.Max(2, (rows + 99) / 100);

    internal static (int K, string Reason) Suggest(ImmutableArray<KSweepPoint> points, int minimumSize)
    {
        KSweepPoint? best = null;
        foreach (var point in points)
        {
            // Strictly greater: on a tie the smaller k (seen first) stays.
            if (point.SmallestClusterSize >= minimumSize && !double.IsNaN(point.Silhouette)
                && (best is null || point.Silhouette > best.Silhouette))
            {
                best = point;
            }
        }

        if (best is not null)
        {
            return (best.K, string.Format(
                CultureInfo.InvariantCulture,
                "k = {0} has the highest silhouette ({1:0.00}) with no segment smaller than {2} customers.",
                best.K,
                best.Silhouette,
                best.SmallestClusterSize));
        }

        var fallback = points[0].K;
        return (fallback, string.Format(
            CultureInfo.InvariantCulture,
            "No k from {0} to {1} keeps every segment at {2} customers or more, so k = {0}, the fewest segments, is suggested.",
            points[0].K,
            points[^1].K,
            minimumSize));
    }

    private static int SmallestClusterSize(ReadOnlySpan<int> labels)
    {
        var counts = LabelGroups.Create(labels).Counts;
        return counts.Length == 0 ? 0 : counts.Min();
    }

    private static void Validate(FeatureMatrix x, KSweepOptions options)
    {
        if (options.MinK < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinK, $"{nameof(KSweepOptions.MinK)} must be at least 2 (the silhouette needs two segments).");
        }

        if (options.MaxK < options.MinK)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxK, $"{nameof(KSweepOptions.MaxK)} ({options.MaxK}) must be at least {nameof(KSweepOptions.MinK)} ({options.MinK}).");
        }

        if (options.SilhouetteExactLimit < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SilhouetteExactLimit, $"{nameof(KSweepOptions.SilhouetteExactLimit)} must be at least 2.");
        }

        if (x.Rows < options.MinK + 1)
        {
            throw new ArgumentException($"A sweep from k = {options.MinK} needs at least {options.MinK + 1} rows; the data has {x.Rows}.", nameof(x));
        }
    }
}
