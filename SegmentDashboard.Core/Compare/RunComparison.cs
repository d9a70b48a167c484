using System.Collections.Immutable;
using SegmentDashboard.Core.Evaluation;

namespace SegmentDashboard.Core.Compare;

/// <summary>How two segmentations of the same customers agree.</summary>
/// <param name="Ari">Adjusted Rand index (scikit-learn's, every label a group).</param>
/// <param name="Nmi">Normalized mutual information (scikit-learn's, arithmetic mean).</param>
/// <param name="Matches">For each A label (in <c>Contingency.RowLabels</c> order), the B label sharing the most customers (the lower label on a tie).</param>
/// <param name="Moved">Customers of an A segment who are not in its matched B segment.</param>
public sealed record RunComparison(
    double Ari,
    double Nmi,
    Contingency Contingency,
    ImmutableArray<int> Matches,
    ImmutableArray<MovedCustomer> Moved)
{
    /// <summary>Compares two labellings, one label per file row each (-1 noise or dropped).</summary>
    public static RunComparison Of(ReadOnlySpan<int> labelsA, ReadOnlySpan<int> labelsB)
    {
        var table = Contingency.Of(labelsA, labelsB);
        var matches = table.Counts
            .Select(row =>
            {
                var best = 0;
                for (var j = 1; j < row.Length; j++)
                {
                    best = row[j] > row[best] ? j : best;
                }

                return table.ColumnLabels[best];
            })
            .ToImmutableArray();
        var moved = ImmutableArray.CreateBuilder<MovedCustomer>();
        for (var row = 0; row < labelsA.Length; row++)
        {
            var match = matches[table.RowLabels.IndexOf(labelsA[row])];
            if (labelsA[row] >= 0 && labelsB[row] != match)
            {
                moved.Add(new MovedCustomer(row, labelsA[row], labelsB[row]));
            }
        }

        return new RunComparison(
            AdjustedRandIndex.Compute(labelsA, labelsB),
            NormalizedMutualInfo.Compute(labelsA, labelsB),
            table,
            matches,
            moved.ToImmutable());
    }
}
