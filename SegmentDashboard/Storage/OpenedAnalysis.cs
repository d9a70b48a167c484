using System.Collections.Immutable;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Storage;

/// <summary>
/// A saved analysis reopened: the run rebuilt from the saved dataset and settings (every chart
/// comes from it), the labels as saved and the saved segment names.
/// </summary>
/// <param name="Result">The re-run of the saved settings on the saved dataset.</param>
/// <param name="SavedLabels">The labels as saved (one per dataset row, -1 noise or dropped).</param>
/// <param name="LabelsMatch">False when the re-run did not reproduce the saved labels (e.g. a newer engine): say so.</param>
public sealed record OpenedAnalysis(
    SavedAnalysisSummary Summary,
    SegmentationResult Result,
    ImmutableArray<int> SavedLabels,
    ImmutableArray<string> SegmentNames,
    bool LabelsMatch)
{
    /// <summary>The name of segment <paramref name="segmentId"/> as saved.</summary>
    public string SegmentName(int segmentId) =>
        segmentId >= 0 && segmentId < SegmentNames.Length ? SegmentNames[segmentId] : segmentId < 0 ? "Noise" : $"Segment {segmentId + 1}";

    /// <summary>Names by segment id (for the figure builders).</summary>
    public IReadOnlyDictionary<int, string> NamesById() =>
        Result.Profiles.ToImmutableDictionary(p => p.SegmentId, p => SegmentName(p.SegmentId));

    /// <summary>The profiles with the saved names (exports and the API show these).</summary>
    public ImmutableArray<SegmentProfile> NamedProfiles() =>
        Result.Profiles.Select(p => p with { Name = SegmentName(p.SegmentId) }).ToImmutableArray();

    /// <summary>The result with the saved names on its profiles (for <c>SegmentResponse.From</c> and the report).</summary>
    public SegmentationResult NamedResult() => Result with { Profiles = NamedProfiles() };
}
