using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Projection;

/// <summary>A PCA fit and the projected rows.</summary>
/// <param name="Components">ComponentCount rows x d columns, unit length, sign fixed as scikit-learn does (svd_flip).</param>
/// <param name="ExplainedVarianceRatio">Per component, share of the total variance.</param>
/// <param name="Scores">n rows x ComponentCount columns: the projected data.</param>
public sealed record PcaResult(FeatureMatrix Components, ImmutableArray<double> ExplainedVariance, ImmutableArray<double> ExplainedVarianceRatio, ImmutableArray<double> Mean, FeatureMatrix Scores)
{
    public int ComponentCount => Components.Rows;
}

/// <summary>Principal component analysis via the d x d covariance matrix (fast for tall data).</summary>
public static class Pca
{
    public static PcaResult Fit(FeatureMatrix x, int components = 2, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }
}
