namespace SegmentDashboard.Api;

/// <summary>The body of a 201 from POST /api/analyses.</summary>
/// <param name="Url">The read-only page of the analysis: /a/{id}.</param>
public sealed record AnalysisCreatedResponse(string Id, string Url);
