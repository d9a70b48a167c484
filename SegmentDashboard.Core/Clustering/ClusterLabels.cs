using System.Collections.Immutable;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Helpers on flat label vectors.</summary>
public static class ClusterLabels
{
    /// <summary>
    /// Renumbers labels so 0 is the largest cluster, 1 the next, ... (ties broken by first
    /// occurrence); negative labels (noise) stay -1.
    /// </summary>
    public static ImmutableArray<int> Canonicalize(ReadOnlySpan<int> labels)
    {
        var sizes = new Dictionary<int, (int Size, int First)>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }

            sizes[labels[i]] = sizes.TryGetValue(labels[i], out var entry) ? (entry.Size + 1, entry.First) : (1, i);
        }

        var order = sizes.OrderByDescending(pair => pair.Value.Size).ThenBy(pair => pair.Value.First)
            .Select((pair, rank) => (pair.Key, rank)).ToDictionary(p => p.Key, p => p.rank);
        var result = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            result[i] = labels[i] < 0 ? -1 : order[labels[i]];
        }

        return [.. result];
    }

    /// <summary>Number of clusters (distinct non-negative labels).</summary>
    public static int Count(ReadOnlySpan<int> labels)
    {
        var seen = new HashSet<int>();
        foreach (var label in labels)
        {
            if (label >= 0)
            {
                seen.Add(label);
            }
        }

        return seen.Count;
    }
}
