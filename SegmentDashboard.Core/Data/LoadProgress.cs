namespace SegmentDashboard.Core.Data;

/// <summary>Progress of a long operation: a stage name and a fraction in [0, 1].</summary>
public sealed record LoadProgress(string Stage, double Fraction);
