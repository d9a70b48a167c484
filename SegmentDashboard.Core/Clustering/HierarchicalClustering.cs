using System.Globalization;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Agglomerative clustering returning SciPy's linkage. Ward runs the nearest-neighbour chain on
/// centroids in O(n·d) memory (100,000 rows fit easily); single linkage is Prim's minimum
/// spanning tree in O(n) memory; complete and average need the condensed distance matrix
/// (n(n − 1)/2 doubles), so they accept at most <see cref="MaxMatrixRows"/> rows.
/// </summary>
public static class HierarchicalClustering
{
    /// <summary>Row limit of complete and average linkage: 12,000 rows already need a 576 MB distance matrix.</summary>
    public const int MaxMatrixRows = 12_000;

    public static Dendrogram Fit(
        FeatureMatrix x,
        LinkageMethod method,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
        => FitWithParallelism(x, method, Environment.ProcessorCount, progress, cancellationToken);

    /// <summary>As <see cref="Fit"/> with an explicit thread cap; the result does not depend on it.</summary>
    internal static Dendrogram FitWithParallelism(
        FeatureMatrix x,
        LinkageMethod method,
        int maxDegreeOfParallelism,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ClusteringGuard.RequireRows(x);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown linkage method.");
        }

        if (method is LinkageMethod.Complete or LinkageMethod.Average && x.Rows > MaxMatrixRows)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{method} linkage needs an n x n distance matrix and accepts at most {MaxMatrixRows} rows (got {x.Rows}); use Ward or single linkage, or sample the rows."),
                nameof(x));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (x.Rows == 1)
        {
            return new Dendrogram(1, method, [], [0]);
        }

        var result = method switch
        {
            LinkageMethod.Ward => WardLinkage.Fit(x, maxDegreeOfParallelism, progress, cancellationToken),
            LinkageMethod.Single => SingleLinkage.Fit(x, maxDegreeOfParallelism, progress, cancellationToken),
            _ => MatrixLinkage.Fit(x, method, progress, cancellationToken),
        };
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ClusteringProgress("Linkage done", 1.0));
        return result;
    }

    /// <summary>
    /// Average, complete or single linkage on Gower distances (mixed numbers and categories),
    /// as SciPy's <c>linkage(pdist_gower, method)</c>. Ward is defined for Euclidean distances
    /// only and is refused. Needs the n(n - 1)/2 distance matrix, so at most
    /// <see cref="MaxMatrixRows"/> rows.
    /// </summary>
    public static Dendrogram FitGower(
        MixedData data,
        LinkageMethod method,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (method is not (LinkageMethod.Average or LinkageMethod.Complete or LinkageMethod.Single))
        {
            throw new ArgumentException($"{method} linkage is defined on Euclidean distances; Gower distance takes average, complete or single linkage.", nameof(method));
        }

        if (data.Rows < 1 || data.Rows > MaxMatrixRows)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Linkage on Gower distances needs between 1 and {MaxMatrixRows} rows (got {data.Rows})."),
                nameof(data));
        }

        if (data.Rows == 1)
        {
            return new Dendrogram(1, method, [], [0]);
        }

        var distances = Gower.Condensed(data, cancellationToken);
        var result = MatrixLinkage.FitCondensedInplace(data.Rows, distances, method, progress, cancellationToken);
        progress?.Report(new ClusteringProgress("Linkage done", 1.0));
        return result;
    }
}
