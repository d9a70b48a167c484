namespace SegmentDashboard.State;

/// <summary>Where the circuit's dashboard is: the header's status pill shows it.</summary>
public enum DashboardStatus
{
    /// <summary>Nothing loaded yet.</summary>
    Starting,

    /// <summary>A file is being read.</summary>
    Loading,

    /// <summary>Segments are being (re)computed for the current settings.</summary>
    Computing,

    /// <summary>Every chart reflects the current dataset and settings.</summary>
    Ready,

    /// <summary>The last segmentation failed; <see cref="DashboardState.SegmentationError"/> says why.</summary>
    Failed,
}
