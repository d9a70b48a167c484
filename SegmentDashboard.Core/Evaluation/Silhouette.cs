using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Silhouette of a labelling. When <see cref="IsSampled"/>, <see cref="Score"/> is estimated
/// from a stratified sample of <see cref="SampleSize"/> rows and <see cref="StandardError"/>
/// states its error; <see cref="PerSample"/> then holds the sampled rows' values with
/// <see cref="SampleRows"/> giving their row indices. Exact: every row, StandardError 0.
/// </summary>
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
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }

    /// <summary>Exact up to <paramref name="exactLimit"/> rows, a stratified sampled estimate above.</summary>
    public static SilhouetteResult Compute(
        FeatureMatrix x,
        ReadOnlySpan<int> labels,
        int exactLimit = DefaultExactLimit,
        int seed = 0,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }
}
