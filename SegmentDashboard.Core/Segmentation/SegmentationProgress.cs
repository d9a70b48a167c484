namespace SegmentDashboard.Core.Segmentation;

/// <summary>Progress of a pipeline run: the current stage and a fraction in [0, 1] of the whole.</summary>
public sealed record SegmentationProgress(string Stage, double Fraction);
