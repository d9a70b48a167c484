using System.Collections.Immutable;

namespace SegmentDashboard.Core.Clustering;

/// <summary>The outcome of <see cref="KPrototypes.Fit"/>. Immutable.</summary>
/// <param name="Labels">Prototype index of each row (not renumbered).</param>
/// <param name="Means">k x numeric columns, row-major: the numeric part of each prototype.</param>
/// <param name="Modes">k x categorical columns, row-major: the most frequent level of each.</param>
/// <param name="Cost">Σ squared numeric distance + gamma × mismatches to each row's prototype.</param>
/// <param name="Gamma">The weight used (the default resolved).</param>
/// <param name="InitialRows">The rows whose values seeded the prototypes of the winning start.</param>
public sealed record KPrototypesResult(
    ImmutableArray<int> Labels,
    ImmutableArray<double> Means,
    ImmutableArray<int> Modes,
    double Cost,
    double Gamma,
    int Iterations,
    bool Converged,
    ImmutableArray<int> InitialRows);
