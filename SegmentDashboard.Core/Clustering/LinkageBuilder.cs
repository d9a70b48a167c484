using System.Collections.Immutable;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Turns merges in the order an algorithm found them (each cluster named by any leaf it
/// contains) into SciPy's linkage matrix: a stable sort by height, then a union-find pass that
/// names the cluster made by merge i as n + i, puts the smaller id on the left and counts sizes
/// (SciPy's <c>label</c> step after <c>nn_chain</c> and <c>mst_single_linkage</c>).
/// </summary>
internal static class LinkageBuilder
{
    public static Dendrogram Build(int n, LinkageMethod method, int[] first, int[] second, double[] heights)
    {
        var count = heights.Length;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Stable: equal heights keep the order in which they were found (NumPy's mergesort).
        Array.Sort(order, (a, b) =>
        {
            var byHeight = heights[a].CompareTo(heights[b]);
            return byHeight != 0 ? byHeight : a.CompareTo(b);
        });

        var parent = new int[Math.Max(1, (2 * n) - 1)];
        var sizes = new int[parent.Length];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            sizes[i] = i < n ? 1 : 0;
        }

        var merges = ImmutableArray.CreateBuilder<DendrogramMerge>(count);
        for (var i = 0; i < count; i++)
        {
            var row = order[i];
            var x = Find(parent, first[row]);
            var y = Find(parent, second[row]);
            var label = n + i;
            var size = sizes[x] + sizes[y];
            parent[x] = label;
            parent[y] = label;
            sizes[label] = size;
            merges.Add(new DendrogramMerge(Math.Min(x, y), Math.Max(x, y), heights[row], size));
        }

        var result = merges.MoveToImmutable();
        return new Dendrogram(n, method, result, LeafOrder(n, result));
    }

    /// <summary>SciPy's leaves_list: pre-order from the root, the left child (Z[i, 0]) first.</summary>
    public static ImmutableArray<int> LeafOrder(int n, ImmutableArray<DendrogramMerge> merges)
    {
        if (n == 0)
        {
            return [];
        }

        var leaves = ImmutableArray.CreateBuilder<int>(n);
        var stack = new Stack<int>();
        stack.Push((2 * n) - 2);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < n)
            {
                leaves.Add(node);
                continue;
            }

            var merge = merges[node - n];
            stack.Push(merge.Right);
            stack.Push(merge.Left);
        }

        return leaves.MoveToImmutable();
    }

    private static int Find(int[] parent, int node)
    {
        var root = node;
        while (parent[root] != root)
        {
            root = parent[root];
        }

        while (parent[node] != root)
        {
            var next = parent[node];
            parent[node] = root;
            node = next;
        }

        return root;
    }
}
