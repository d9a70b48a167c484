using System.Globalization;
using SegmentDashboard.Core.Clustering;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>How the main run clusters the rows. The stability resamples use the same path.</summary>
public enum ClusteringPath
{
    /// <summary>The algorithm on every row, as requested.</summary>
    Exact,

    /// <summary>Hierarchical linkage over K-means micro-clusters; every customer takes its micro-cluster's segment.</summary>
    MicroCluster,

    /// <summary>K-means in mini-batches.</summary>
    MiniBatch,

    /// <summary>K-prototypes fitted on a seeded sample of rows; every row then joins its nearest prototype.</summary>
    Sampled,

    /// <summary>The work does not fit the limits; <see cref="ClusteringPlan.Reason"/> says why.</summary>
    Refused,
}

/// <summary>
/// The one decision of how a segmentation runs, made once by <see cref="ClusteringPlanner.Choose"/>
/// from the request, the row and feature counts and the <see cref="SegmentationLimits"/>: the
/// clustering path, the sample sizes of the k-sweep and the stability check, and a memory
/// estimate checked against <see cref="SegmentationLimits.MaxWorkBytes"/>. The main run, the
/// k-sweep and the stability check all follow it; the result carries it for the UI and the API.
/// </summary>
/// <param name="Path">Exact, micro-cluster, mini-batch or refused.</param>
/// <param name="Reason">One plain sentence: what runs and why (or why it is refused).</param>
/// <param name="Rows">Rows the algorithm sees.</param>
/// <param name="Features">Columns of the scaled matrix.</param>
/// <param name="MicroClusters">Number of micro-clusters on the micro-cluster path, else null.</param>
/// <param name="SweepSampleRows">Rows of the k-sweep's sample when it is sampled, else null.</param>
/// <param name="StabilitySampleRows">Rows of the stability check's sample when it is sampled, else null.</param>
/// <param name="MemoryEstimateBytes">Estimated peak working memory of the clustering step.</param>
/// <param name="MemoryBudgetBytes">The configured budget it was checked against.</param>
public sealed record ClusteringPlan(
    ClusteringPath Path,
    string Reason,
    int Rows,
    int Features,
    int? MicroClusters,
    int? SweepSampleRows,
    int? StabilitySampleRows,
    long MemoryEstimateBytes,
    long MemoryBudgetBytes)
{
    /// <summary>True when the run is not the exact algorithm on every row.</summary>
    public bool IsApproximate => Path is ClusteringPath.MicroCluster or ClusteringPath.MiniBatch or ClusteringPath.Sampled;

    /// <summary>
    /// The distance the clustering (hierarchical) and the silhouette use: Gower for k-prototypes
    /// with categorical features and for exact average/complete/single linkage on mixed features;
    /// Euclidean on the encoded, scaled features otherwise (K-means, Ward, DBSCAN, micro-clusters).
    /// </summary>
    public DistanceMeasure Distance { get; init; } = DistanceMeasure.Euclidean;

    /// <summary>Rows k-prototypes fits its prototypes on, on the sampled path; else null.</summary>
    public int? FitSampleRows { get; init; }

    /// <summary>The dendrogram's leaves are micro-clusters, not customers.</summary>
    public bool DendrogramOverMicroClusters => Path == ClusteringPath.MicroCluster;
}

/// <summary>Chooses the <see cref="ClusteringPlan"/>; the only place that compares row counts with the limits.</summary>
public static class ClusteringPlanner
{
    private const long DoubleBytes = sizeof(double);

    /// <summary>The plan for clustering <paramref name="rows"/> x <paramref name="features"/> with <paramref name="request"/>.</summary>
    /// <param name="layout">Which features are numbers and which categories; null means all numbers.</param>
    public static ClusteringPlan Choose(SegmentationRequest request, int rows, int features, SegmentationLimits limits, MixedFeatureLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var sweepRows = request.Algorithm != ClusteringAlgorithm.Dbscan && rows > limits.SweepRows ? limits.SweepRows : (int?)null;
        var gowerLinkage = request.Algorithm == ClusteringAlgorithm.Hierarchical && request.Linkage != LinkageMethod.Ward && layout is { IsMixed: true };
        var stabilityRows = rows > limits.StabilityRows ? limits.StabilityRows : (int?)null;
        var matrix = (long)rows * features * DoubleBytes;
        var (path, micro, work, reason) = request.Algorithm switch
        {
            ClusteringAlgorithm.KMeans => KMeansPath(rows, features, limits),
            ClusteringAlgorithm.Hierarchical => HierarchicalPath(request.Linkage, rows, features, limits, gowerLinkage),
            ClusteringAlgorithm.KPrototypes => KPrototypesPath(rows, features, limits),
            _ => DbscanPath(rows, features),
        };

        // The prepared matrix, the labels and the silhouette's sample come on top of the algorithm's own work.
        var estimate = matrix + ((long)rows * 3 * sizeof(int)) + work;
        if (path != ClusteringPath.Refused && estimate > limits.MaxWorkBytes)
        {
            path = ClusteringPath.Refused;
            reason = string.Create(
                CultureInfo.InvariantCulture,
                $"Clustering {rows:N0} customers on {features:N0} features needs about {Megabytes(estimate)} of memory, more than the {Megabytes(limits.MaxWorkBytes)} one run may use. Choose fewer features or upload fewer rows.");
        }

        if (path != ClusteringPath.Refused && request.Algorithm == ClusteringAlgorithm.Hierarchical && request.Linkage == LinkageMethod.Ward && layout is { IsMixed: true })
        {
            reason += " Ward's criterion is defined on Euclidean distances, so it uses the encoded features (categories one-hot), not Gower.";
        }

        var gower = (request.Algorithm == ClusteringAlgorithm.KPrototypes && layout is { HasCategories: true })
            || (gowerLinkage && path == ClusteringPath.Exact);
        return new ClusteringPlan(path, reason, rows, features, micro, sweepRows, stabilityRows, estimate, limits.MaxWorkBytes)
        {
            Distance = gower ? DistanceMeasure.Gower : DistanceMeasure.Euclidean,
            FitSampleRows = path == ClusteringPath.Sampled ? limits.ExactKPrototypesRows : null,
        };
    }

    /// <summary>Rows up to which a hierarchical linkage runs exactly on every row.</summary>
    /// <param name="gower">Linkage on Gower distances: single linkage then needs the distance matrix too.</param>
    public static int ExactHierarchicalRows(LinkageMethod linkage, int features, SegmentationLimits limits, bool gower = false)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!NeedsMatrix(linkage, gower))
        {
            return limits.ExactHierarchicalRows;
        }

        // Complete and average keep the n(n-1)/2 distance matrix: exact while it fits the algorithm's row cap and the budget.
        var byMemory = (int)Math.Min(int.MaxValue, Math.Sqrt(2.0 * Math.Max(0, limits.MaxWorkBytes - (features * 100_000L)) / DoubleBytes));
        return Math.Min(Math.Min(limits.ExactHierarchicalRows, HierarchicalClustering.MaxMatrixRows), byMemory);
    }

    private static (ClusteringPath, int?, long, string) KMeansPath(int rows, int features, SegmentationLimits limits)
    {
        var work = ((long)rows * 4 * DoubleBytes) + ((long)limits.MaxClusterCount * features * DoubleBytes * 4);
        return rows > limits.ExactKMeansRows
            ? (ClusteringPath.MiniBatch, null, work, string.Create(CultureInfo.InvariantCulture, $"K-means ran in mini-batches over {rows:N0} customers (exact K-means is used up to {limits.ExactKMeansRows:N0})."))
            : (ClusteringPath.Exact, null, work, string.Create(CultureInfo.InvariantCulture, $"K-means on all {rows:N0} customers."));
    }

    private static bool NeedsMatrix(LinkageMethod linkage, bool gower) =>
        linkage is LinkageMethod.Complete or LinkageMethod.Average || (gower && linkage == LinkageMethod.Single);

    private static (ClusteringPath, int?, long, string) KPrototypesPath(int rows, int features, SegmentationLimits limits)
    {
        // The rows as numbers and level codes (a copy of the matrix at most), labels and prototypes.
        var work = ((long)rows * features * DoubleBytes) + ((long)rows * 4 * DoubleBytes) + ((long)limits.MaxClusterCount * features * DoubleBytes * 2);
        return rows > limits.ExactKPrototypesRows
            ? (ClusteringPath.Sampled, null, work, string.Create(CultureInfo.InvariantCulture, $"K-prototypes fitted its prototypes on a random sample of {limits.ExactKPrototypesRows:N0} of the {rows:N0} customers (exact up to {limits.ExactKPrototypesRows:N0}); every customer then joined its nearest prototype."))
            : (ClusteringPath.Exact, null, work, string.Create(CultureInfo.InvariantCulture, $"K-prototypes on all {rows:N0} customers: squared distance on the scaled numbers plus gamma for each category that differs."));
    }

    private static (ClusteringPath, int?, long, string) HierarchicalPath(LinkageMethod linkage, int rows, int features, SegmentationLimits limits, bool gower)
    {
        var exactRows = ExactHierarchicalRows(linkage, features, limits, gower);
        if (rows <= exactRows)
        {
            var work = linkage switch
            {
                _ when NeedsMatrix(linkage, gower) => ((long)rows * (rows - 1) / 2 * DoubleBytes) + ((long)rows * 4 * DoubleBytes),
                LinkageMethod.Ward => ((long)rows * features * DoubleBytes) + ((long)rows * 8 * DoubleBytes),
                _ => (long)rows * 6 * DoubleBytes,
            };
            var on = gower ? ", on Gower distances (numbers and categories mixed)" : string.Empty;
            return (ClusteringPath.Exact, null, work, string.Create(CultureInfo.InvariantCulture, $"{linkage} linkage on all {rows:N0} customers{on} (exact up to {exactRows:N0})."));
        }

        var m = Math.Min(limits.MicroClusters, rows);
        var microWork = ((long)m * (m - 1) / 2 * DoubleBytes) + ((long)m * features * DoubleBytes * 2) + ((long)rows * 2 * DoubleBytes);
        var how = linkage == LinkageMethod.Ward
            ? "weighted by their sizes, so Ward's criterion is exact for those groups"
            : gower
                ? "measured between their centres with Euclidean distance on the encoded features, not Gower"
                : "measured between their centres";
        return (
            ClusteringPath.MicroCluster,
            m,
            microWork,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Hierarchical clustering of {rows:N0} customers ran over {m:N0} K-means micro-clusters ({how}; {linkage} linkage is exact up to {exactRows:N0} rows); the dendrogram shows the micro-clusters."));
    }

    private static (ClusteringPath, int?, long, string) DbscanPath(int rows, int features)
    {
        // The KD-tree's copy of the points, one box per node, the core flags, the queue and one neighbour list: O(n·d) whatever eps.
        var work = ((long)rows * features * DoubleBytes * 2) + ((long)rows * 6 * sizeof(int));
        return (ClusteringPath.Exact, null, work, string.Create(CultureInfo.InvariantCulture, $"DBSCAN on all {rows:N0} customers with a spatial index (memory grows with the rows, not with eps)."));
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N0} MB");
}
