using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.State;

/// <summary>What one run of <see cref="RunScheduler"/> hands to the view: a preview, the final result, or why it failed.</summary>
/// <param name="Settings">The settings the run was for.</param>
/// <param name="IsFinal">False for the quick preview shown while the k-sweep and stability are computed.</param>
public sealed record RunOutcome(SegmentationResult? Result, SegmentationRequest Settings, bool IsFinal, string? Error)
{
    public static RunOutcome Preview(SegmentationResult result, SegmentationRequest settings) => new(result, settings, false, null);

    public static RunOutcome Final(SegmentationResult result, SegmentationRequest settings) => new(result, settings, true, null);

    public static RunOutcome Failed(string error, SegmentationRequest settings) => new(null, settings, true, error);
}
