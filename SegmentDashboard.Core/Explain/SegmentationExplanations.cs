using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Core.Explain;

/// <summary>Explains a finished segmentation run (the pipeline's one call into <see cref="SegmentExplainer"/>).</summary>
public static class SegmentationExplanations
{
    /// <summary>Above this many segmented customers the rules are not computed (the tree sorts every feature at every node).</summary>
    public const int MaxRows = 200_000;

    /// <summary>Rules on the features the run used, or null when there is no segment or too many rows.</summary>
    public static SegmentExplanation? For(SegmentationResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var segmented = result.RowLabels.Count(label => label >= 0);
        if (segmented == 0 || segmented > MaxRows)
        {
            return null;
        }

        var columns = result.Prepared.Features.Select(feature => feature.SourceColumn).Distinct(StringComparer.Ordinal).ToList();
        return SegmentExplainer.Explain(result.Dataset, columns, result.RowLabels.AsSpan(), null, cancellationToken);
    }
}
