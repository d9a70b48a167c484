using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Core.Explain;

/// <summary>Explains a finished segmentation run (the pipeline's one call into <see cref="SegmentExplainer"/>).</summary>
public static class SegmentationExplanations
{
    /// <summary>Above this many segmented customers the rules are not computed (the tree sorts every feature at every node).</summary>
    public const int MaxRows = 200_000;

    /// <summary>Rules on the features the run used, or null when there is no segment or too many rows.</summary>
    /// <param name="prepared">The run's prepared data (for the features' source columns).</param>
    /// <param name="rowLabels">The segment of each dataset row (negative: none).</param>
    public static SegmentExplanation? For(Dataset dataset, PreparedData prepared, IReadOnlyList<int> rowLabels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(rowLabels);
        var segmented = rowLabels.Count(label => label >= 0);
        if (segmented == 0 || segmented > MaxRows)
        {
            return null;
        }

        var columns = prepared.Features.Select(feature => feature.SourceColumn).Distinct(StringComparer.Ordinal).ToList();
        return SegmentExplainer.Explain(dataset, columns, [.. rowLabels], null, cancellationToken);
    }
}
