namespace SegmentDashboard.Core.Clustering;

/// <summary>Options of <see cref="KPrototypes.Fit"/>; validated on entry.</summary>
/// <param name="ClusterCount">k, at least 1 and at most the number of rows.</param>
public sealed record KPrototypesOptions(int ClusterCount)
{
    /// <summary>
    /// Weight of one categorical mismatch against squared numeric distance; null means the
    /// default, half the mean standard deviation of the numeric columns (Huang 1997 suggests a
    /// third to two thirds of it), or 1 without numeric columns.
    /// </summary>
    public double? Gamma { get; init; }

    /// <summary>Independent random initializations; the lowest cost wins.</summary>
    public int Restarts { get; init; } = 4;

    public int MaxIterations { get; init; } = 100;

    public int Seed { get; init; }

    internal void Validate(int rows)
    {
        if (ClusterCount < 1 || ClusterCount > rows)
        {
            throw new ArgumentException($"{nameof(ClusterCount)} must be between 1 and the number of rows ({rows}).");
        }

        if (Gamma is { } gamma && !(gamma >= 0 && double.IsFinite(gamma)))
        {
            throw new ArgumentException($"{nameof(Gamma)} must be a finite number of at least 0.");
        }

        if (Restarts < 1)
        {
            throw new ArgumentException($"{nameof(Restarts)} must be at least 1.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException($"{nameof(MaxIterations)} must be at least 1.");
        }
    }
}
