namespace SegmentDashboard.Core.Numerics;

/// <summary>Seeded uniform row samples, shared by the k-sweep, the stability check and the k-distance curve.</summary>
public static class RowSample
{
    /// <summary>A seeded uniform sample of <paramref name="count"/> of <paramref name="rows"/> row indices, sorted.</summary>
    public static int[] Draw(int rows, int count, int seed)
    {
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        var random = new Random(seed);
        for (var t = 0; t < count; t++)
        {
            var pick = t + random.Next(rows - t);
            (order[t], order[pick]) = (order[pick], order[t]);
        }

        var sample = order[..count];
        Array.Sort(sample);
        return sample;
    }
}
