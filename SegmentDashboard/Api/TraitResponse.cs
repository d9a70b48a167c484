namespace SegmentDashboard.Api;

/// <summary>How one numeric feature of a segment compares with the population.</summary>
public sealed record TraitResponse(string Feature, double? EffectSize, double? SegmentMean, double? PopulationMean);
