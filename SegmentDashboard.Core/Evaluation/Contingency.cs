using System.Collections.Immutable;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Cross-tabulation of two labellings of the same rows: <c>Counts[i][j]</c> rows have label
/// <c>RowLabels[i]</c> in A and <c>ColumnLabels[j]</c> in B. Labels ascending; every value
/// (including -1) is a group.
/// </summary>
public sealed record Contingency(ImmutableArray<int> RowLabels, ImmutableArray<int> ColumnLabels, ImmutableArray<ImmutableArray<long>> Counts)
{
    public long Total => Counts.Sum(row => row.Sum());

    public static Contingency Of(ReadOnlySpan<int> labelsA, ReadOnlySpan<int> labelsB)
    {
        if (labelsA.Length != labelsB.Length)
        {
            throw new ArgumentException($"Both labellings must cover the same rows: {nameof(labelsA)} has {labelsA.Length}, {nameof(labelsB)} has {labelsB.Length}.", nameof(labelsB));
        }

        var rows = labelsA.ToArray().Distinct().Order().ToImmutableArray();
        var columns = labelsB.ToArray().Distinct().Order().ToImmutableArray();
        var rowIndex = rows.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index);
        var columnIndex = columns.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index);
        var counts = new long[rows.Length, columns.Length];
        for (var i = 0; i < labelsA.Length; i++)
        {
            counts[rowIndex[labelsA[i]], columnIndex[labelsB[i]]]++;
        }

        var table = Enumerable.Range(0, rows.Length)
            .Select(i => Enumerable.Range(0, columns.Length).Select(j => counts[i, j]).ToImmutableArray())
            .ToImmutableArray();
        return new Contingency(rows, columns, table);
    }
}
