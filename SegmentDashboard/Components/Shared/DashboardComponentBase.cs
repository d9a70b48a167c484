using Microsoft.AspNetCore.Components;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// Base of the pages that show the circuit's <see cref="DashboardState"/>. The layout listens to
/// the state and cascades a version number; a new version re-renders the page in the same render
/// batch as the header's status pill, so the status and the content always agree.
/// </summary>
public abstract class DashboardComponentBase : ComponentBase, IDisposable
{
    public const string VersionName = "DashboardVersion";

    [Inject]
    protected DashboardState State { get; set; } = default!;

    /// <summary>Changes whenever the state did (set by the layout's cascading value).</summary>
    [CascadingParameter(Name = VersionName)]
    public long Version { get; set; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
