using Microsoft.AspNetCore.Components;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// Base of every component that shows the circuit's <see cref="DashboardState"/>: re-renders when it
/// changes (coalesced: at most one pending render, marshalled with InvokeAsync).
/// </summary>
public abstract class DashboardComponentBase : ComponentBase, IDisposable
{
    private int _renderPending;

    [Inject]
    protected DashboardState State { get; set; } = default!;

    protected override void OnInitialized()
    {
        State.Changed += OnStateChanged;
    }

    public void Dispose()
    {
        State.Changed -= OnStateChanged;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private void OnStateChanged()
    {
        if (Interlocked.Exchange(ref _renderPending, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            Volatile.Write(ref _renderPending, 0);
            StateHasChanged();
        });
    }
}
