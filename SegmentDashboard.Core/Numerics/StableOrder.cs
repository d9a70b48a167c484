using System.Collections.Immutable;

namespace SegmentDashboard.Core.Numerics;

/// <summary>Stable ordering of rows by a numeric value, in linear time.</summary>
public static class StableOrder
{
    private const int Bits = 8;
    private const int Buckets = 1 << Bits;

    /// <summary>
    /// <paramref name="rows"/> (none NaN) ordered by ascending value; rows with equal values keep
    /// their order in <paramref name="rows"/>, and -0 equals 0. The same order as LINQ's stable
    /// <c>OrderBy(row =&gt; values[row])</c>, by an LSD radix sort on the values' bits (no
    /// comparisons, so it costs the same on columns with few distinct values).
    /// </summary>
    public static int[] Ascending(int[] rows, ImmutableArray<double> values)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = new ulong[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = SortableBits(values[rows[i]]);
        }

        var order = (int[])rows.Clone();
        var spareKeys = new ulong[rows.Length];
        var spareOrder = new int[rows.Length];
        var counts = new int[Buckets];
        for (var shift = 0; shift < 64; shift += Bits)
        {
            Array.Clear(counts);
            foreach (var key in keys)
            {
                counts[(int)(key >> shift) & (Buckets - 1)]++;
            }

            if (Array.IndexOf(counts, rows.Length) >= 0)
            {
                continue; // every key has the same digit here: this pass would move nothing
            }

            var start = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (counts[b], start) = (start, start + counts[b]);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var slot = counts[(int)(keys[i] >> shift) & (Buckets - 1)]++;
                spareKeys[slot] = keys[i];
                spareOrder[slot] = order[i];
            }

            (keys, spareKeys) = (spareKeys, keys);
            (order, spareOrder) = (spareOrder, order);
        }

        return order;
    }

    /// <summary>The value's bits as an unsigned number that orders like the value (-0 as 0).</summary>
    private static ulong SortableBits(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN has no place in an order; leave such rows out.", nameof(value));
        }

        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }
}
