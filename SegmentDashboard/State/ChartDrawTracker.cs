namespace SegmentDashboard.State;

/// <summary>
/// The charts of one circuit that were given a figure the browser has not finished drawing yet.
/// The status pill says "ready" only when none is left, so "ready" means every visible chart shows
/// the current result, not merely that the server has it. Used on the circuit's dispatcher only.
/// </summary>
public sealed class ChartDrawTracker
{
    private readonly HashSet<object> _drawing = new(ReferenceEqualityComparer.Instance);

    /// <summary>Raised when a chart starts or finishes drawing.</summary>
    public event Action? Changed;

    public bool IsDrawing => _drawing.Count > 0;

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
}
