using System.Runtime.CompilerServices;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// Remembers each chart's figure with the inputs it was built from, so a re-render rebuilds (and
/// re-sends) a figure only when its inputs changed. When the first input is an object (a result, a
/// sweep), the figures are kept with that object (a weak table) rather than with this memo: a tab
/// visited again shows the figures it built for the same result without rebuilding them on the
/// render thread. The object is the user's own (or the shared sample's), so nothing crosses users,
/// and the figures go when it does. Slots are then shared by every page drawing for that object:
/// name a slot after what it shows.
/// </summary>
public sealed class FigureMemo
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, (object?[] Key, PlotlyFigure Figure)>> ByOwner = [];

    private readonly Dictionary<string, (object?[] Key, PlotlyFigure Figure)> _slots = [];

    public PlotlyFigure Get(string slot, Func<PlotlyFigure> build, params object?[] key)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(key);
        var owner = key.Length > 0 && key[0] is { } first && !first.GetType().IsValueType && first is not string ? first : null;
        var slots = owner is null ? _slots : ByOwner.GetValue(owner, _ => []);
        lock (slots)
        {
            if (slots.TryGetValue(slot, out var cached) && cached.Key.Length == key.Length && cached.Key.Zip(key).All(p => Same(p.First, p.Second)))
            {
                return cached.Figure;
            }
        }

        var figure = build();
        lock (slots)
        {
            slots[slot] = (key, figure);
        }

        return figure;
    }

    private static bool Same(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is not null && (a.GetType().IsValueType || a is string) && a.Equals(b));
}
