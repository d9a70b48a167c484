namespace SegmentDashboard.Core.Explain;

/// <summary>Settings of the CART tree that explains segments.</summary>
/// <param name="MinSamplesLeaf">Fewest training rows in a leaf (scikit-learn's <c>min_samples_leaf</c>); at least 1.</param>
public sealed record DecisionTreeOptions(int MinSamplesLeaf)
{
    /// <summary>Deepest leaf (the root is depth 0); scikit-learn's <c>max_depth</c>. Default 3.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>The explainer's default: leaves of at least 2% of the customers (at least one), depth 3.</summary>
    public static DecisionTreeOptions ForRows(int rows) =>
        new(Math.Max(1, (int)Math.Ceiling(0.02 * rows)));

    internal void Validate()
    {
        if (MinSamplesLeaf < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSamplesLeaf), MinSamplesLeaf, $"{nameof(MinSamplesLeaf)} must be at least 1.");
        }

        if (MaxDepth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, $"{nameof(MaxDepth)} must not be negative.");
        }
    }
}
