namespace SegmentDashboard.Core.Evaluation;

/// <summary>Agreement between two labellings of the same rows, corrected for chance (scikit-learn's ARI).</summary>
/// <remarks>
/// Like scikit-learn, every value is a group, including -1: ARI compares two labellings, and two
/// DBSCAN runs that disagree on which customers are noise should not look identical. 1 for
/// identical partitions (up to renumbering), about 0 for chance agreement, negative below chance.
/// Pair counts are exact (128-bit integers), so large n does not overflow.
/// </remarks>
public static class AdjustedRandIndex
{
    public static double Compute(ReadOnlySpan<int> labelsA, ReadOnlySpan<int> labelsB)
    {
        if (labelsA.Length != labelsB.Length)
        {
            throw new ArgumentException($"Both labellings must cover the same rows: {nameof(labelsA)} has {labelsA.Length}, {nameof(labelsB)} has {labelsB.Length}.", nameof(labelsB));
        }

        var n = labelsA.Length;
        var a = Compact(labelsA, out var countA);
        var b = Compact(labelsB, out var countB);

        // Σ n_ij² over the contingency table, Σ a_i², Σ b_j².
        Int128 sumSquares = 0;
        if ((long)countA * countB <= 1 << 22)
        {
            var table = new long[countA * countB];
            for (var i = 0; i < n; i++)
            {
                table[(a[i] * countB) + b[i]]++;
            }

            foreach (var cell in table)
            {
                sumSquares += (Int128)cell * cell;
            }
        }
        else
        {
            var table = new Dictionary<long, long>();
            for (var i = 0; i < n; i++)
            {
                var key = ((long)a[i] * countB) + b[i];
                table[key] = table.GetValueOrDefault(key) + 1;
            }

            foreach (var cell in table.Values)
            {
                sumSquares += (Int128)cell * cell;
            }
        }

        var rowSquares = SumOfSquaredSizes(a, countA);
        var columnSquares = SumOfSquaredSizes(b, countB);

        // scikit-learn's pair confusion matrix (ordered pairs) and ARI from it.
        var bothTogether = sumSquares - n;
        var onlyB = columnSquares - sumSquares;
        var onlyA = rowSquares - sumSquares;
        var neither = ((Int128)n * n) - onlyB - onlyA - sumSquares;
        if (onlyA == 0 && onlyB == 0)
        {
            return 1.0;
        }

        var numerator = (double)((bothTogether * neither) - (onlyA * onlyB));
        var denominator = (double)(((bothTogether + onlyA) * (onlyA + neither)) + ((bothTogether + onlyB) * (onlyB + neither)));
        return 2.0 * numerator / denominator;
    }

    private static int[] Compact(ReadOnlySpan<int> labels, out int count)
    {
        var map = new Dictionary<int, int>();
        var result = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out var index))
            {
                index = map.Count;
                map[labels[i]] = index;
            }

            result[i] = index;
        }

        count = map.Count;
        return result;
    }

    private static Int128 SumOfSquaredSizes(int[] compact, int count)
    {
        var sizes = new long[count];
        foreach (var label in compact)
        {
            sizes[label]++;
        }

        Int128 sum = 0;
        foreach (var size in sizes)
        {
            sum += (Int128)size * size;
        }

        return sum;
    }
}
