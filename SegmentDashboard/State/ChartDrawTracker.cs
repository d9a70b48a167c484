using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace SegmentDashboard.State;

/// <summary>
/// The charts of one circuit that were given a figure the browser has not finished drawing yet,
/// and whether a tab is being opened. The status pill says "ready" only when neither is the case,
/// so "ready" means every visible chart shows the current result, not merely that the server has
/// it. Used on the circuit's dispatcher only.
/// </summary>
public sealed class ChartDrawTracker : IDisposable
{
    private readonly HashSet<object> _drawing = new(ReferenceEqualityComparer.Instance);
    private NavigationManager? _navigation;
    private IDisposable? _changingRegistration;

    /// <summary>Raised when a chart starts or finishes drawing, a tab starts or finishes opening, or plotly.js finishes loading.</summary>
    public event Action? Changed;

    public bool IsDrawing => _drawing.Count > 0;

    /// <summary>
    /// A link to another tab was followed and the new tab has not rendered yet (its charts not
    /// even created): the server may spend a moment building the tab's figures, and the status
    /// must not say "ready" meanwhile.
    /// </summary>
    public bool IsNavigating { get; private set; }

    /// <summary>
    /// plotly.js (5 MB) is still being loaded and evaluated in the browser, or is drawing its
    /// warm-up charts. Both keep the page busy for most of a second on a modest machine (the
    /// evaluation alone is one ~850 ms task), so the dashboard is not ready for a tab with charts
    /// until they are done: the status does not say "ready" meanwhile.
    /// </summary>
    public bool IsLoadingEngine { get; private set; }

    /// <summary>plotly.js started (<c>true</c>) or finished or gave up (<c>false</c>) loading and warming up.</summary>
    public void SetLoadingEngine(bool loading)
    {
        if (IsLoadingEngine != loading)
        {
            IsLoadingEngine = loading;
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// Follows the circuit's navigations (once): a location-changing handler runs before the
    /// router renders the new tab, so the status leaves "ready" the moment a tab is clicked; it
    /// comes back once the new tab has rendered and its charts have drawn. (The app has no other
    /// location-changing handler that could cancel a navigation after this one saw it; one that
    /// does would have to clear the state too.)
    /// </summary>
    public void WatchNavigation(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (_navigation is not null)
        {
            return;
        }

        try
        {
            _changingRegistration = navigation.RegisterLocationChangingHandler(_ =>
            {
                SetNavigating(true);
                return ValueTask.CompletedTask;
            });
        }
        catch (NotSupportedException)
        {
            // Prerendering (no interactive navigation to follow); the interactive render watches.
            return;
        }

        _navigation = navigation;
        navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>The chart was given a figure it has not drawn yet.</summary>
    public void Begin(object chart)
    {
        if (_drawing.Add(chart))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>The chart drew its latest figure (or can no longer draw: disposed, disconnected, failed).</summary>
    public void End(object chart)
    {
        if (_drawing.Remove(chart))
        {
            Changed?.Invoke();
        }
    }

    public void Dispose()
    {
        _changingRegistration?.Dispose();
        if (_navigation is not null)
        {
            _navigation.LocationChanged -= OnLocationChanged;
        }
    }

    private async void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // The router renders the new tab in this same dispatcher turn (its charts call Begin while
        // rendering); the yield resumes after that turn, when the tab is on the page.
        await Task.Yield();
        try
        {
            SetNavigating(false);
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended meanwhile.
        }
    }

    private void SetNavigating(bool navigating)
    {
        if (IsNavigating != navigating)
        {
            IsNavigating = navigating;
            Changed?.Invoke();
        }
    }
}
