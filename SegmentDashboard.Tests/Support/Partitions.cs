namespace SegmentDashboard.Tests.Support;

/// <summary>Assertions on partitions regardless of label numbering.</summary>
public static class Partitions
{
    /// <summary>True when a and b group the rows identically (a bijection maps one labelling onto the other).</summary>
    public static bool Equivalent(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (var i = 0; i < a.Count; i++)
        {
            if (forward.TryGetValue(a[i], out var mapped) && mapped != b[i])
            {
                return false;
            }

            if (backward.TryGetValue(b[i], out var back) && back != a[i])
            {
                return false;
            }

            forward[a[i]] = b[i];
            backward[b[i]] = a[i];
        }

        return true;
    }

    public static void AssertEquivalent(IReadOnlyList<int> expected, IReadOnlyList<int> actual)
    {
        var mismatches = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).Count(i => expected[i] != actual[i]);
        Assert.True(Equivalent(expected, actual), $"Partitions differ (up to renumbering); {mismatches} rows carry different raw labels.");
    }
}
