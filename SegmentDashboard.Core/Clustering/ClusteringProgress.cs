namespace SegmentDashboard.Core.Clustering;

/// <summary>Progress of a clustering run: what is happening and a fraction in [0, 1].</summary>
public sealed record ClusteringProgress(string Stage, double Fraction);
