namespace SegmentDashboard.Api;

/// <summary>Quality figures on the scaled matrix the algorithm saw; null when undefined.</summary>
public sealed record MetricsResponse(double? Inertia, double? Silhouette, double? CalinskiHarabasz, double? DaviesBouldin);
