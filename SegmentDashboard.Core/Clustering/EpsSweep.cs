using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>One DBSCAN run of an eps sweep: how many segments it finds and which share is noise.</summary>
public sealed record EpsSweepPoint(double Eps, int Segments, double NoiseShare);

/// <summary>
/// DBSCAN's counterpart of the k-sweep: segments found and noise share for eps values around the
/// k-distance curve's suggestion (and the current eps), so a marketer sees what a larger or
/// smaller eps would do. Each run is bounded in memory like <see cref="Dbscan.Fit"/>.
/// </summary>
public static class EpsSweep
{
    /// <summary>Multiples of the suggested eps that the sweep tries.</summary>
    public static readonly ImmutableArray<double> Factors = [0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0];

    public static ImmutableArray<EpsSweepPoint> Run(FeatureMatrix x, int minSamples, double suggestedEps, double currentEps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        var values = Factors.Select(f => f * suggestedEps).Append(currentEps)
            .Where(eps => eps > 0 && double.IsFinite(eps))
            .Distinct()
            .Order()
            .ToList();
        var points = ImmutableArray.CreateBuilder<EpsSweepPoint>(values.Count);
        foreach (var eps in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = Dbscan.Fit(x, new DbscanOptions(eps, minSamples), null, cancellationToken);
            points.Add(new EpsSweepPoint(eps, fit.ClusterCount, (double)fit.NoiseCount / x.Rows));
        }

        return points.MoveToImmutable();
    }
}
