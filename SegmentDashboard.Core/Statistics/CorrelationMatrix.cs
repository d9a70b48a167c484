using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Statistics;

/// <summary>Pearson correlations between numeric columns (pairwise complete observations).</summary>
/// <param name="Names">Column names, in order.</param>
/// <param name="Values">Row-major Names.Length x Names.Length; NaN where undefined.</param>
public sealed record CorrelationMatrix(ImmutableArray<string> Names, ImmutableArray<double> Values)
{
    public double this[int i, int j] => Values[(i * Names.Length) + j];

    /// <summary>Correlations of every numeric, boolean and date column of the dataset.</summary>
    public static CorrelationMatrix Compute(Dataset dataset)
    {
        throw new NotImplementedException("Owned by the ingest work package.");
    }
}
