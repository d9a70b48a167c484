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
    public static StabilityResult Compute(
        FeatureMatrix x,
        ImmutableArray<int> referenceLabels,
        Func<FeatureMatrix, CancellationToken, ImmutableArray<int>> cluster,
        int resamples = 5,
        double sampleFraction = 0.8,
        int seed = 0,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }
}
