namespace SegmentDashboard.Figures;

/// <summary>Picks a bounded, deterministic subset of points so big scatters stay light on the wire.</summary>
public static class Downsampler
{
    public const int DefaultMaxPoints = 5_000;

    /// <summary>
    /// Row indices (ascending) of at most about <paramref name="maxPoints"/> rows, stratified by
    /// label: each label keeps its share (at least one row), picked evenly through its rows.
    /// All rows when there are no more than <paramref name="maxPoints"/>.
    /// </summary>
    public static int[] Stratified(IReadOnlyList<int> labels, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var n = labels.Count;
        if (n <= maxPoints)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var rowsByLabel = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (!rowsByLabel.TryGetValue(labels[i], out var rows))
            {
                rowsByLabel[labels[i]] = rows = [];
            }

            rows.Add(i);
        }

        var picked = new List<int>(maxPoints + rowsByLabel.Count);
        foreach (var rows in rowsByLabel.Values)
        {
            var quota = Math.Max(1, (int)((long)maxPoints * rows.Count / n));
            for (var j = 0; j < quota; j++)
            {
                picked.Add(rows[(int)((long)j * rows.Count / quota)]);
            }
        }

        picked.Sort();
        return picked.ToArray();
    }

    /// <summary>At most <paramref name="maxPoints"/> values of a sorted list, evenly spaced (first and last kept).</summary>
    public static double[] EvenlySpaced(IReadOnlyList<double> sorted, int maxPoints)
    {
        if (sorted.Count <= maxPoints)
        {
            return sorted.ToArray();
        }

        var result = new double[maxPoints];
        for (var j = 0; j < maxPoints; j++)
        {
            result[j] = sorted[(int)Math.Round((double)j * (sorted.Count - 1) / (maxPoints - 1))];
        }

        return result;
    }
}
