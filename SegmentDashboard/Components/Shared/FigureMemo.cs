using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// Remembers each chart's figure with the inputs it was built from, so a re-render rebuilds (and
/// re-sends) a figure only when its inputs changed.
/// </summary>
public sealed class FigureMemo
{
    private readonly Dictionary<string, (object?[] Key, PlotlyFigure Figure)> _slots = [];

    public PlotlyFigure Get(string slot, Func<PlotlyFigure> build, params object?[] key)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_slots.TryGetValue(slot, out var cached) && cached.Key.Length == key.Length && cached.Key.Zip(key).All(p => Same(p.First, p.Second)))
        {
            return cached.Figure;
        }

        var figure = build();
        _slots[slot] = (key, figure);
        return figure;
    }

    private static bool Same(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is not null && (a.GetType().IsValueType || a is string) && a.Equals(b));
}
