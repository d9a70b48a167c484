using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// A labelling compacted to clusters 0..k-1 (in ascending order of the original label, as
/// scikit-learn's LabelEncoder does); negative labels (noise) become -1 and are left out.
/// </summary>
internal sealed class LabelGroups
{
    private LabelGroups(int[] compact, int[] counts, int includedRows)
    {
        Compact = compact;
        Counts = counts;
        IncludedRows = includedRows;
    }

    /// <summary>Per row: the cluster 0..k-1, or -1 for a noise row.</summary>
    public int[] Compact { get; }

    /// <summary>Rows per cluster.</summary>
    public int[] Counts { get; }

    public int ClusterCount => Counts.Length;

    /// <summary>Rows that belong to a cluster (not noise).</summary>
    public int IncludedRows { get; }

    /// <summary>True when a validity index is defined: 2 ≤ k ≤ included rows - 1 (scikit-learn's rule).</summary>
    public bool HasValidClusterCount => ClusterCount >= 2 && ClusterCount <= IncludedRows - 1;

    public static LabelGroups Create(FeatureMatrix x, ReadOnlySpan<int> labels, string paramName)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (labels.Length != x.Rows)
        {
            throw new ArgumentException($"Expected one label per row ({x.Rows}), got {labels.Length}.", paramName);
        }

        return Create(labels);
    }

    public static LabelGroups Create(ReadOnlySpan<int> labels)
    {
        var max = -1;
        foreach (var label in labels)
        {
            max = Math.Max(max, label);
        }

        var compact = new int[labels.Length];
        var included = 0;
        int[] counts;
        if (max < (4 * labels.Length) + 1024)
        {
            // Dense labels (the usual 0..k-1): a lookup table, no hashing per row.
            var present = new int[max + 1];
            foreach (var label in labels)
            {
                if (label >= 0)
                {
                    present[label]++;
                }
            }

            var map = new int[max + 1];
            var next = 0;
            for (var label = 0; label <= max; label++)
            {
                map[label] = present[label] > 0 ? next++ : -1;
            }

            counts = new int[next];
            for (var label = 0; label <= max; label++)
            {
                if (present[label] > 0)
                {
                    counts[map[label]] = present[label];
                }
            }

            for (var i = 0; i < labels.Length; i++)
            {
                compact[i] = labels[i] >= 0 ? map[labels[i]] : -1;
                included += labels[i] >= 0 ? 1 : 0;
            }
        }
        else
        {
            var distinct = new SortedSet<int>();
            foreach (var label in labels)
            {
                if (label >= 0)
                {
                    distinct.Add(label);
                }
            }

            var map = new Dictionary<int, int>();
            foreach (var label in distinct)
            {
                map[label] = map.Count;
            }

            counts = new int[map.Count];
            for (var i = 0; i < labels.Length; i++)
            {
                compact[i] = labels[i] >= 0 ? map[labels[i]] : -1;
                if (compact[i] >= 0)
                {
                    counts[compact[i]]++;
                    included++;
                }
            }
        }

        return new LabelGroups(compact, counts, included);
    }

    /// <summary>Cluster means, k rows x d columns (row-major), over the included rows.</summary>
    public double[] Means(FeatureMatrix x)
    {
        var d = x.Columns;
        var means = new double[ClusterCount * d];
        var data = x.Data;
        for (var i = 0; i < Compact.Length; i++)
        {
            var c = Compact[i];
            if (c < 0)
            {
                continue;
            }

            var row = data.Slice(i * d, d);
            var target = means.AsSpan(c * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] += row[j];
            }
        }

        for (var c = 0; c < ClusterCount; c++)
        {
            var target = means.AsSpan(c * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] /= Counts[c];
            }
        }

        return means;
    }
}
