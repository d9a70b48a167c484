using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Profiling;

/// <summary>Builds segment profiles, names, descriptions and playbooks from a labelled dataset.</summary>
public static class SegmentProfiler
{
    /// <param name="dataset">The original data (profiles speak in original units).</param>
    /// <param name="rowLabels">One label per dataset row; -1 rows (noise, dropped) are not in any segment.</param>
    /// <param name="features">Dataset columns to describe (the ones used for clustering).</param>
    public static ImmutableArray<SegmentProfile> Build(Dataset dataset, ReadOnlySpan<int> rowLabels, IReadOnlyList<string> features)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }
}
