namespace SegmentDashboard.Api;

/// <summary>A column that was not used, and why.</summary>
public sealed record ExcludedColumnResponse(string Name, string Reason);
