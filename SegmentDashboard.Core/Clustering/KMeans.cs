using System.Globalization;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Lloyd's K-means with greedy k-means++ initialization; SIMD and multi-core, deterministic for a seed.</summary>
public static class KMeans
{
    public static KMeansResult Fit(
        FeatureMatrix x,
        KMeansOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
        => FitWithParallelism(x, options, Environment.ProcessorCount, progress, cancellationToken);

    /// <summary>
    /// As <see cref="Fit(FeatureMatrix, KMeansOptions, IProgress{ClusteringProgress}?, CancellationToken)"/>
    /// with an explicit thread cap; the result is bit-identical for every value.
    /// </summary>
    internal static KMeansResult FitWithParallelism(
        FeatureMatrix x,
        KMeansOptions options,
        int maxDegreeOfParallelism,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(x, options);
        cancellationToken.ThrowIfCancellationRequested();

        var k = options.ClusterCount;
        var engine = new KMeansEngine(x, k, maxDegreeOfParallelism, cancellationToken);
        var tolerance = options.Tolerance * engine.MeanVariance();
        var random = new Random(options.Seed);
        var bestLabels = new int[x.Rows];
        var bestCentres = new double[k * x.Columns];
        var best = new LloydRun(0, false, double.PositiveInfinity);
        for (var restart = 0; restart < options.Restarts; restart++)
        {
            var start = (double)restart / options.Restarts;
            progress?.Report(new ClusteringProgress(string.Create(CultureInfo.InvariantCulture, $"K-means++ initialization ({restart + 1} of {options.Restarts})"), start));
            engine.InitializePlusPlus(random);
            var current = restart;
            var run = engine.RunLloyd(
                options.MaxIterations,
                tolerance,
                iteration => progress?.Report(new ClusteringProgress(
                    string.Create(CultureInfo.InvariantCulture, $"K-means iteration {iteration} ({current + 1} of {options.Restarts})"),
                    (current + ((double)iteration / options.MaxIterations)) / options.Restarts)));
            if (run.Inertia < best.Inertia || restart == 0)
            {
                best = run;
                engine.Labels.CopyTo(bestLabels);
                engine.Centres.CopyTo(bestCentres);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ClusteringProgress("K-means done", 1.0));
        return KMeansResults.Build(x, bestLabels, bestCentres, k, best, options);
    }

    private static void Validate(FeatureMatrix x, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ClusteringGuard.RequireRows(x);
        ClusteringGuard.RequireClusterCount(options.ClusterCount, x.Rows, nameof(options.ClusterCount));
        ClusteringGuard.RequireAtLeast(options.Restarts, 1, nameof(options.Restarts));
        ClusteringGuard.RequireAtLeast(options.MaxIterations, 1, nameof(options.MaxIterations));
        ClusteringGuard.RequireNonNegative(options.Tolerance, nameof(options.Tolerance));
    }
}
