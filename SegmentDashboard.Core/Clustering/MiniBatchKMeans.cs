using System.Globalization;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Options of <see cref="MiniBatchKMeans.Fit"/>.</summary>
public sealed record MiniBatchKMeansOptions(int ClusterCount)
{
    public int BatchSize { get; init; } = 4_096;

    public int MaxIterations { get; init; } = 200;

    public int Seed { get; init; }
}

/// <summary>
/// Mini-batch K-means for very large inputs; the result has the same shape as <see cref="KMeans"/>.
/// Three stages: seeding like <see cref="KMeans"/> on large inputs (8 greedy k-means++ runs on a
/// random sample of 3 × BatchSize rows or more, each refined by Lloyd on the sample, the best
/// kept; scikit-learn's MiniBatchKMeans compares 3 unrefined ones); up to MaxIterations mini-batch steps (Sculley 2010: each centre moves to the running
/// mean of the points assigned to it), stopped early after 10 steps without improvement of the
/// smoothed batch inertia (scikit-learn's max_no_improvement); then at most
/// <see cref="RefinementPasses"/> full-data Lloyd passes (Hamerly-accelerated), stopping on
/// scikit-learn's tolerance. The refinement is what brings the inertia within about 1% of full
/// K-means (plain mini-batch is typically 5–15% above); it costs a few data passes but no
/// full-data initialization.
/// </summary>
public static class MiniBatchKMeans
{
    /// <summary>Upper bound on the full-data Lloyd passes after the mini-batch steps.</summary>
    public const int RefinementPasses = 10;

    private const double RefinementTolerance = 1e-4;
    private const int MaxNoImprovement = 10;

    public static KMeansResult Fit(
        FeatureMatrix x,
        MiniBatchKMeansOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ClusteringGuard.RequireRows(x);
        ClusteringGuard.RequireClusterCount(options.ClusterCount, x.Rows, nameof(options.ClusterCount));
        ClusteringGuard.RequireAtLeast(options.BatchSize, 1, nameof(options.BatchSize));
        ClusteringGuard.RequireAtLeast(options.MaxIterations, 1, nameof(options.MaxIterations));
        cancellationToken.ThrowIfCancellationRequested();

        var n = x.Rows;
        var d = x.Columns;
        var k = options.ClusterCount;
        var random = new Random(options.Seed);

        // 1. Seeding on a sample.
        progress?.Report(new ClusteringProgress("Mini-batch K-means: seeding on a sample", 0));
        var initSize = (int)Math.Min(n, Math.Max(3L * options.BatchSize, KMeans.SampleSize(k)));
        var engine = new KMeansEngine(x, k, Environment.ProcessorCount, cancellationToken);
        engine.InitializeFromSample(random, initSize, KMeans.SampleSeedingCandidates);
        var centres = engine.Centres.ToArray();

        // 2. Mini-batch steps.
        var stride = Distances.PaddedCount(k);
        var centresT = new double[d * stride];
        var penalty = Distances.PaddingPenalty(k, stride);
        var distances = new double[stride];
        var totalCounts = new double[k];
        var batchSums = new double[k * d];
        var batchCounts = new int[k];
        var batchSize = Math.Min(options.BatchSize, n);
        var alpha = Math.Min(1.0, batchSize * 2.0 / (n + 1));
        var smoothed = double.NaN;
        var bestSmoothed = double.PositiveInfinity;
        var sinceImprovement = 0;
        var steps = 0;
        for (var step = 0; step < options.MaxIterations; step++)
        {
            steps++;
            var batchInertia = 0.0;
            cancellationToken.ThrowIfCancellationRequested();
            Transpose(centres, centresT, k, d, stride);
            Array.Clear(batchSums);
            Array.Clear(batchCounts);
            for (var b = 0; b < batchSize; b++)
            {
                var row = x.Row(random.Next(n));
                Distances.SquaredToCentres(row, centresT, stride, distances);
                var (best, distance) = Distances.ArgMin(distances, penalty, stride);
                batchInertia += distance;
                var target = batchSums.AsSpan(best * d, d);
                for (var j = 0; j < d; j++)
                {
                    target[j] += row[j];
                }

                batchCounts[best]++;
            }

            for (var c = 0; c < k; c++)
            {
                if (batchCounts[c] == 0)
                {
                    continue;
                }

                var previous = totalCounts[c];
                totalCounts[c] += batchCounts[c];
                for (var j = 0; j < d; j++)
                {
                    centres[(c * d) + j] = ((centres[(c * d) + j] * previous) + batchSums[(c * d) + j]) / totalCounts[c];
                }
            }

            // scikit-learn's early stop: an exponentially weighted average of the batch inertia.
            batchInertia /= batchSize;
            smoothed = double.IsNaN(smoothed) ? batchInertia : (smoothed * (1 - alpha)) + (batchInertia * alpha);
            if (smoothed < bestSmoothed)
            {
                bestSmoothed = smoothed;
                sinceImprovement = 0;
            }
            else if (++sinceImprovement >= MaxNoImprovement)
            {
                break;
            }

            if (step % 10 == 0)
            {
                progress?.Report(new ClusteringProgress(
                    string.Create(CultureInfo.InvariantCulture, $"Mini-batch step {step + 1} of {options.MaxIterations}"),
                    0.7 * (step + 1) / options.MaxIterations));
            }
        }

        // 3. A few full-data Lloyd passes from the mini-batch centres.
        var tolerance = RefinementTolerance * engine.MeanVariance();
        engine.SetCentres(centres);
        var run = engine.RunAccelerated(
            RefinementPasses,
            tolerance,
            pass => progress?.Report(new ClusteringProgress(
                string.Create(CultureInfo.InvariantCulture, $"Refinement pass {pass}"),
                0.7 + (0.3 * pass / RefinementPasses))));
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ClusteringProgress("Mini-batch K-means done", 1.0));
        var usedOptions = new KMeansOptions(k) { Restarts = 1, MaxIterations = options.MaxIterations, Tolerance = RefinementTolerance, Seed = options.Seed };
        return KMeansResults.Build(
            x,
            engine.Labels.ToArray(),
            engine.Centres.ToArray(),
            k,
            run with { Iterations = steps + run.Iterations },
            usedOptions);
    }

    private static void Transpose(double[] centres, double[] centresT, int k, int d, int stride)
    {
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < d; j++)
            {
                centresT[(j * stride) + c] = centres[(c * d) + j];
            }
        }
    }
}
