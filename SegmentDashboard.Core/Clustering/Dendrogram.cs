using System.Collections.Immutable;
using System.Globalization;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// One row of a SciPy linkage matrix: clusters <see cref="Left"/> and <see cref="Right"/>
/// (ids below n are leaves, id n+i is the cluster made by merge i) join at <see cref="Height"/>
/// into a cluster of <see cref="Size"/> leaves. Left &lt; Right.
/// </summary>
public sealed record DendrogramMerge(int Left, int Right, double Height, int Size);

/// <summary>A SciPy-compatible hierarchical clustering: merges sorted by height, and the leaf order.</summary>
public sealed record Dendrogram(int LeafCount, LinkageMethod Method, ImmutableArray<DendrogramMerge> Merges, ImmutableArray<int> LeafOrder)
{
    /// <summary>
    /// Flat labels for exactly <paramref name="clusterCount"/> clusters, canonical: the last
    /// k − 1 merges are undone. This is SciPy's <c>fcluster(Z, k, 'maxclust')</c> whenever the
    /// height of merge n − k differs from the next one; when they tie, SciPy returns fewer than k
    /// clusters while this returns exactly k.
    /// </summary>
    public ImmutableArray<int> Cut(int clusterCount)
    {
        if (clusterCount < 1 || clusterCount > LeafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterCount), clusterCount, string.Create(CultureInfo.InvariantCulture, $"{nameof(clusterCount)} must be between 1 and the {LeafCount} leaves (got {clusterCount})."));
        }

        return Labels(LeafCount - clusterCount);
    }

    /// <summary>
    /// Flat labels where merges above <paramref name="height"/> are undone, canonical: SciPy's
    /// <c>fcluster(Z, height, 'distance')</c> (merges at exactly <paramref name="height"/> are kept).
    /// </summary>
    public ImmutableArray<int> CutAtHeight(double height)
    {
        if (double.IsNaN(height))
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "The cut height must be a number.");
        }

        var kept = 0;
        while (kept < Merges.Length && Merges[kept].Height <= height)
        {
            kept++;
        }

        return Labels(kept);
    }

    /// <summary>Canonical flat labels after applying the first <paramref name="mergeCount"/> merges.</summary>
    private ImmutableArray<int> Labels(int mergeCount)
    {
        var n = LeafCount;
        var labels = new int[n];

        // Top-down: merges after the first mergeCount are undone; a kept merge whose parent was
        // undone is a cluster root and names its whole subtree. Ancestors of an undone merge come
        // later in the height order, so they are undone too.
        var assigned = new int[Math.Max(1, (2 * n) - 1)];
        Array.Fill(assigned, -1);
        for (var m = Merges.Length - 1; m >= 0; m--)
        {
            var merge = Merges[m];
            var node = n + m;
            var label = m >= mergeCount ? -1 : (assigned[node] >= 0 ? assigned[node] : node);
            assigned[merge.Left] = label;
            assigned[merge.Right] = label;
        }

        for (var i = 0; i < n; i++)
        {
            labels[i] = assigned[i] >= 0 ? assigned[i] : i;
        }

        return ClusterLabels.Canonicalize(labels);
    }
}
