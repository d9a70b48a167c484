using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>How stable a segmentation is under resampling.</summary>
/// <param name="Score">Mean ARI between the reference labels and each resampled run, on the shared rows.</param>
/// <param name="Scores">One ARI per resample.</param>
public sealed record StabilityResult(double Score, ImmutableArray<double> Scores, double SampleFraction);

/// <summary>Stability score: re-cluster random subsamples and compare with the full-data labels.</summary>
public static class Stability
{
    /// <param name="cluster">Clusters a subsample (the same algorithm and settings as the reference run).</param>
    /// <remarks>
    /// Each resample takes round(sampleFraction·n) rows (at least 2) without replacement, in row
    /// order; the draws come from one generator seeded with <paramref name="seed"/>, so the result
    /// is deterministic for a seed (given a deterministic <paramref name="cluster"/>).
    /// </remarks>
    public static StabilityResult Compute(
        FeatureMatrix x,
        ImmutableArray<int> referenceLabels,
        Func<FeatureMatrix, CancellationToken, ImmutableArray<int>> cluster,
        int resamples = 5,
        double sampleFraction = 0.8,
        int seed = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(cluster);
        if (referenceLabels.IsDefault || referenceLabels.Length != x.Rows)
        {
            throw new ArgumentException($"Expected one reference label per row ({x.Rows}), got {(referenceLabels.IsDefault ? 0 : referenceLabels.Length)}.", nameof(referenceLabels));
        }

        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, $"{nameof(resamples)} must be at least 1.");
        }

        if (!(sampleFraction > 0.0 && sampleFraction <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleFraction), sampleFraction, $"{nameof(sampleFraction)} must be in (0, 1].");
        }

        if (x.Rows < 2)
        {
            throw new ArgumentException($"Stability needs at least 2 rows; the data has {x.Rows}.", nameof(x));
        }

        var n = x.Rows;
        var size = Math.Clamp((int)Math.Round(sampleFraction * n, MidpointRounding.AwayFromZero), 2, n);
        var random = new Random(seed);
        var order = new int[n];
        var scores = ImmutableArray.CreateBuilder<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            // Partial Fisher-Yates: the first `size` entries are a uniform draw without replacement.
            for (var t = 0; t < size; t++)
            {
                var pick = t + random.Next(n - t);
                (order[t], order[pick]) = (order[pick], order[t]);
            }

            var rows = order[..size];
            Array.Sort(rows);
            var labels = cluster(x.SelectRows(rows), cancellationToken);
            if (labels.IsDefault || labels.Length != size)
            {
                throw new InvalidOperationException($"The cluster function returned {(labels.IsDefault ? 0 : labels.Length)} labels for a subsample of {size} rows.");
            }

            var reference = new int[size];
            for (var i = 0; i < size; i++)
            {
                reference[i] = referenceLabels[rows[i]];
            }

            scores.Add(AdjustedRandIndex.Compute(reference, labels.AsSpan()));
        }

        var all = scores.MoveToImmutable();
        return new StabilityResult(all.Average(), all, sampleFraction);
    }
}
