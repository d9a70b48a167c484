using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>One clustering of a matrix: canonical labels, the dendrogram of a hierarchical run, a note on any approximation.</summary>
internal sealed record ClusterRun(ImmutableArray<int> Labels, Dendrogram? Dendrogram, string? Note);

/// <summary>
/// Runs the requested algorithm on a matrix along the path of a <see cref="ClusteringPlan"/>
/// (never choosing one itself). Used for the main run and, with the same plan, for the
/// stability resamples, so they measure the algorithm that was shown.
/// </summary>
/// <param name="layout">Which matrix columns are numbers and which categories (k-prototypes, Gower linkage).</param>
/// <param name="gamma">K-prototypes' weight of a categorical mismatch, resolved once for the whole run.</param>
internal sealed class ClusterRunner(SegmentationRequest request, SegmentationLimits limits, ClusteringPlan plan, MixedFeatureLayout layout, double gamma)
{
    /// <param name="allowAllNoise">
    /// False for the main run (a DBSCAN run that finds no cluster throws on "Eps"); true for
    /// stability resamples, where an all-noise subsample is a result, not a user error.
    /// </param>
    public ClusterRun Run(FeatureMatrix x, int clusterCount, IProgress<ClusteringProgress>? progress, bool allowAllNoise, CancellationToken cancellationToken) =>
        request.Algorithm switch
        {
            ClusteringAlgorithm.KMeans => KMeansRun(x, clusterCount, plan.Path == ClusteringPath.MiniBatch, progress, cancellationToken),
            ClusteringAlgorithm.Hierarchical => HierarchicalRun(x, clusterCount, progress, cancellationToken),
            ClusteringAlgorithm.KPrototypes => KPrototypesRun(x, clusterCount, cancellationToken),
            _ => DbscanRun(x, progress, allowAllNoise, cancellationToken),
        };

    /// <summary>K-means labels for the k-sweep: exact K-means with the same seed and restarts (the sweep's sample is at most <see cref="SegmentationLimits.SweepRows"/> rows).</summary>
    public ImmutableArray<int> KMeansLabels(FeatureMatrix x, int clusterCount, CancellationToken cancellationToken) =>
        KMeansRun(x, clusterCount, x.Rows > limits.ExactKMeansRows, null, cancellationToken).Labels;

    private ClusterRun KMeansRun(FeatureMatrix x, int k, bool miniBatch, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken)
    {
        if (miniBatch)
        {
            var batch = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions(k) { Seed = request.Seed }, progress, cancellationToken);
            return new ClusterRun(ClusterLabels.Canonicalize(batch.Labels.AsSpan()), null, plan.Reason);
        }

        var fit = KMeans.Fit(x, new KMeansOptions(k) { Restarts = request.Restarts, Seed = request.Seed }, progress, cancellationToken);
        return new ClusterRun(ClusterLabels.Canonicalize(fit.Labels.AsSpan()), null, null);
    }

    private ClusterRun KPrototypesRun(FeatureMatrix x, int k, CancellationToken cancellationToken)
    {
        var data = layout.ToMixedData(x);
        var options = new KPrototypesOptions(k) { Gamma = gamma, Restarts = request.Restarts, Seed = request.Seed };
        if (plan.FitSampleRows is not { } sampleRows || data.Rows <= sampleRows)
        {
            var fit = KPrototypes.Fit(data, options, cancellationToken);
            return new ClusterRun(ClusterLabels.Canonicalize(fit.Labels.AsSpan()), null, null);
        }

        // Large data: prototypes from a seeded sample, then one assignment pass over every row.
        var sample = layout.ToMixedData(x.SelectRows(RowSample.Draw(x.Rows, sampleRows, request.Seed)));
        var prototypes = KPrototypes.Fit(sample, options, cancellationToken);
        var labels = new int[data.Rows];
        for (var i = 0; i < labels.Length; i++)
        {
            if (i % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            labels[i] = KPrototypes.Nearest(data, i, prototypes);
        }

        return new ClusterRun(ClusterLabels.Canonicalize(labels), null, plan.Reason);
    }

    private ClusterRun HierarchicalRun(FeatureMatrix x, int k, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken)
    {
        if (plan.Path == ClusteringPath.Exact && plan.Distance == DistanceMeasure.Gower)
        {
            var gowerTree = HierarchicalClustering.FitGower(layout.ToMixedData(x), request.Linkage, progress, cancellationToken);
            return new ClusterRun(ClusterLabels.Canonicalize(gowerTree.Cut(k).AsSpan()), gowerTree, null);
        }

        if (plan.Path == ClusteringPath.Exact)
        {
            var tree = HierarchicalClustering.Fit(x, request.Linkage, progress, cancellationToken);
            return new ClusterRun(ClusterLabels.Canonicalize(tree.Cut(k).AsSpan()), tree, null);
        }

        // Micro-clusters: K-means into at most MicroClusters groups, then linkage over their centres
        // weighted by customer counts, then every customer takes its micro-cluster's segment.
        var m = Math.Min(plan.MicroClusters ?? limits.MicroClusters, x.Rows);
        // Exact Lloyd iterations cost rows x m distances each: affordable up to about 2e8 per pass.
        var micro = (long)x.Rows * m <= 200_000_000L
            ? KMeans.Fit(x, new KMeansOptions(m) { Restarts = 1, MaxIterations = 20, Seed = request.Seed }, progress, cancellationToken).Labels
            : MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions(m) { Seed = request.Seed, BatchSize = Math.Max(4_096, 4 * m) }, progress, cancellationToken).Labels;
        var (centres, weights, slotOf) = MicroCentres(x, micro);
        cancellationToken.ThrowIfCancellationRequested();
        var dendrogram = MicroClusterLinkage.Fit(centres, weights, request.Linkage, cancellationToken);
        var microSegments = dendrogram.Cut(Math.Min(k, centres.Rows));
        var labels = new int[x.Rows];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = microSegments[slotOf[micro[i]]];
        }

        return new ClusterRun(ClusterLabels.Canonicalize(labels), dendrogram, plan.Reason);
    }

    private ClusterRun DbscanRun(FeatureMatrix x, IProgress<ClusteringProgress>? progress, bool allowAllNoise, CancellationToken cancellationToken)
    {
        var fit = Dbscan.Fit(x, new DbscanOptions(request.Eps, request.MinSamples), progress, cancellationToken);
        if (fit.ClusterCount == 0 && !allowAllNoise)
        {
            throw OptionErrors.Invalid(
                $"Every customer is noise with eps = {request.Eps.ToString("G4", CultureInfo.InvariantCulture)} and min samples = {request.MinSamples}: " +
                "no point has enough neighbours. Try a larger eps (the k-distance plot on the DBSCAN panel, and the API's suggestedEps, give one at the curve's knee) or a smaller min samples.",
                nameof(SegmentationRequest.Eps));
        }

        return new ClusterRun(ClusterLabels.Canonicalize(fit.Labels.AsSpan()), null, null);
    }

    /// <summary>Means of the rows of each non-empty micro-cluster, their sizes, and old label -> centre index.</summary>
    private static (FeatureMatrix Centres, long[] Weights, int[] SlotOf) MicroCentres(FeatureMatrix x, ImmutableArray<int> micro)
    {
        var labelCount = micro.Max() + 1;
        var counts = new long[labelCount];
        var sums = new double[labelCount * x.Columns];
        for (var i = 0; i < x.Rows; i++)
        {
            counts[micro[i]]++;
            var row = x.Row(i);
            var offset = micro[i] * x.Columns;
            for (var j = 0; j < row.Length; j++)
            {
                sums[offset + j] += row[j];
            }
        }

        var slotOf = new int[labelCount];
        var used = 0;
        for (var c = 0; c < labelCount; c++)
        {
            slotOf[c] = counts[c] > 0 ? used++ : -1;
        }

        var centres = new double[used * x.Columns];
        var weights = new long[used];
        for (var c = 0; c < labelCount; c++)
        {
            if (slotOf[c] < 0)
            {
                continue;
            }

            weights[slotOf[c]] = counts[c];
            for (var j = 0; j < x.Columns; j++)
            {
                centres[(slotOf[c] * x.Columns) + j] = sums[(c * x.Columns) + j] / counts[c];
            }
        }

        return (FeatureMatrix.Wrap(centres, used, x.Columns, x.ColumnNames), weights, slotOf);
    }
}
