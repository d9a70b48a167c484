using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Storage;

/// <summary>One line of the saved-analyses list.</summary>
public sealed record SavedAnalysisSummary(
    string Id,
    string Name,
    string DatasetName,
    int Rows,
    int ClusterCount,
    string Algorithm,
    DateTimeOffset CreatedUtc);

/// <summary>
/// Everything needed to reopen an analysis exactly: the dataset as it was (kinds included), the
/// settings (with k fixed), the labels it produced and the segment names the user gave.
/// </summary>
public sealed record SavedAnalysis(
    SavedAnalysisSummary Summary,
    Dataset Dataset,
    SegmentationRequest Request,
    ImmutableArray<int> RowLabels,
    ImmutableArray<string> SegmentNames);
