using System.Collections.Immutable;

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
    /// <summary>Flat labels for exactly <paramref name="clusterCount"/> clusters (SciPy fcluster maxclust), canonical.</summary>
    public ImmutableArray<int> Cut(int clusterCount)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }

    /// <summary>Flat labels where merges above <paramref name="height"/> are undone (fcluster distance), canonical.</summary>
    public ImmutableArray<int> CutAtHeight(double height)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }
}
