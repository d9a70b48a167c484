using System.Collections.Immutable;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Api;

/// <summary>One segment: size, share, name, description and how each feature differs from the population.</summary>
public sealed record SegmentSummary(
    int Id,
    string Name,
    int Size,
    double Share,
    string Description,
    ImmutableArray<TraitResponse> Traits)
{
    /// <summary>The segment's best rule (issue 11); omitted when rules were not computed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RuleResponse? Rule { get; init; }

    public static SegmentSummary From(SegmentProfile profile) => new(
        profile.SegmentId,
        profile.Name,
        profile.Size,
        profile.Share,
        profile.Description,
        profile.Traits
            .Select(t => new TraitResponse(
                t.Feature,
                SegmentResponse.OrNull(t.EffectSize),
                SegmentResponse.OrNull(t.SegmentMean),
                SegmentResponse.OrNull(t.PopulationMean)))
            .ToImmutableArray());
}
