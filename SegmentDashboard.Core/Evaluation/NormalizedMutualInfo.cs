namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Normalized mutual information of two labellings, as scikit-learn's
/// <c>normalized_mutual_info_score</c> (arithmetic mean of the two entropies, natural log):
/// 1 when both have a single group, 0 when the mutual information is 0. Every label value,
/// including -1, is a group.
/// </summary>
public static class NormalizedMutualInfo
{
    /// <summary>numpy's float64 eps: terms smaller than this count as 0, as in scikit-learn.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    public static double Compute(ReadOnlySpan<int> labelsA, ReadOnlySpan<int> labelsB)
    {
        var table = Contingency.Of(labelsA, labelsB);
        if (table.RowLabels.Length == table.ColumnLabels.Length && table.RowLabels.Length <= 1)
        {
            return 1.0;
        }

        var mi = MutualInformation(table);
        if (mi == 0)
        {
            return 0.0;
        }

        var rowSums = table.Counts.Select(row => (double)row.Sum()).ToArray();
        var columnSums = Enumerable.Range(0, table.ColumnLabels.Length).Select(j => (double)table.Counts.Sum(row => row[j])).ToArray();
        var normalizer = (Entropy(rowSums) + Entropy(columnSums)) / 2.0;
        return mi / normalizer;
    }

    /// <summary>Mutual information in nats, computed term by term as scikit-learn's <c>mutual_info_score</c>.</summary>
    public static double MutualInformation(Contingency table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var total = (double)table.Total;
        var rowSums = table.Counts.Select(row => (double)row.Sum()).ToArray();
        var columnSums = Enumerable.Range(0, table.ColumnLabels.Length).Select(j => (double)table.Counts.Sum(row => row[j])).ToArray();
        var logTotal = Math.Log(total);
        var logRowTotal = Math.Log(rowSums.Sum());
        var logColumnTotal = Math.Log(columnSums.Sum());
        var sum = 0.0;
        for (var i = 0; i < rowSums.Length; i++)
        {
            for (var j = 0; j < columnSums.Length; j++)
            {
                var cell = (double)table.Counts[i][j];
                if (cell == 0)
                {
                    continue;
                }

                var share = cell / total;
                var logOuter = -Math.Log(rowSums[i] * columnSums[j]) + logRowTotal + logColumnTotal;
                var term = (share * (Math.Log(cell) - logTotal)) + (share * logOuter);
                sum += Math.Abs(term) < MachineEpsilon ? 0.0 : term;
            }
        }

        return Math.Max(sum, 0.0);
    }

    /// <summary>Entropy in nats of group sizes, as scikit-learn's <c>entropy</c>.</summary>
    private static double Entropy(double[] sizes)
    {
        var total = sizes.Sum();
        var logTotal = Math.Log(total);
        var sum = 0.0;
        foreach (var size in sizes.Where(size => size > 0))
        {
            sum += size / total * (Math.Log(size) - logTotal);
        }

        return -sum;
    }
}
