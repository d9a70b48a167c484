using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Charts;

/// <summary>How a chart brings the browser from the figure it shows to the next one.</summary>
public enum ChartUpdateKind
{
    /// <summary>Nothing the browser shows changed.</summary>
    None,

    /// <summary>Only the layout changed: <c>Plotly.relayout</c> with the changed layout entries.</summary>
    Relayout,

    /// <summary>The same traces with new data arrays or values: <c>Plotly.update</c> with only the changed attributes.</summary>
    Update,

    /// <summary>Traces added, removed or restyled: <c>Plotly.react</c> with the whole figure.</summary>
    React,
}

/// <summary>
/// What changed between two figures, worked out on their Plotly JSON: which trace attributes
/// (sent for every trace, as <c>Plotly.update</c> takes them) and which top-level layout entries.
/// A pure function of the two figures, so a k change that only moves the elbow's current-k line
/// sends that line, not the curve.
/// </summary>
public sealed record ChartUpdate(
    ChartUpdateKind Kind,
    ImmutableDictionary<string, JsonNode?> Data,
    ImmutableDictionary<string, JsonNode?> Layout,
    bool DataChanged)
{
    /// <summary>Attribute values Plotly.update can set per trace (not nested containers such as marker).</summary>
    private static bool IsFlat(JsonNode? node) => node is null or JsonValue or JsonArray;

    /// <summary>The plan from <paramref name="shown"/> (the traces and layout JSON the browser has) to <paramref name="next"/>.</summary>
    public static ChartUpdate Plan(FigureJson? shown, FigureJson next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var empty = ImmutableDictionary<string, JsonNode?>.Empty;
        if (shown is null || shown.Traces.Length != next.Traces.Length)
        {
            return new(ChartUpdateKind.React, empty, empty, true);
        }

        // Layout: changed top-level entries; a removed entry needs a full react.
        if (shown.Layout.Any(entry => !next.Layout.ContainsKey(entry.Key)))
        {
            return new(ChartUpdateKind.React, empty, empty, true);
        }

        var layout = next.Layout.Where(entry => !JsonNode.DeepEquals(entry.Value, shown.Layout[entry.Key]))
            .ToImmutableDictionary(entry => entry.Key, entry => entry.Value?.DeepClone());

        var changedKeys = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < next.Traces.Length; i++)
        {
            var before = shown.Traces[i];
            var after = next.Traces[i];
            if (before.Count != after.Count || before.Any(entry => !after.ContainsKey(entry.Key)))
            {
                return new(ChartUpdateKind.React, empty, empty, true);
            }

            foreach (var (key, value) in after)
            {
                if (!JsonNode.DeepEquals(value, before[key]))
                {
                    changedKeys.Add(key);
                }
            }
        }

        if (changedKeys.Count == 0)
        {
            return new(layout.Count == 0 ? ChartUpdateKind.None : ChartUpdateKind.Relayout, empty, layout, false);
        }

        if (changedKeys.Contains("type") || next.Traces.Any(trace => changedKeys.Any(key => !IsFlat(trace[key]))))
        {
            return new(ChartUpdateKind.React, empty, empty, true);
        }

        var data = changedKeys.ToImmutableDictionary(
            key => key,
            key => (JsonNode?)new JsonArray(next.Traces.Select(trace => trace[key]?.DeepClone()).ToArray()));
        return new(ChartUpdateKind.Update, data, layout, true);
    }
}

/// <summary>
/// A figure's traces and layout as Plotly JSON objects (what the browser is sent), for
/// <see cref="ChartUpdate.Plan"/> and the chart's draws. Never changed once made: it is sent as it
/// is and kept per figure and theme.
/// </summary>
public sealed record FigureJson(ImmutableArray<JsonObject> Traces, JsonObject Layout)
{
    // Figures are immutable and kept with their result (FigureMemo, FigureCache), so their JSON is
    // made once per theme: a tab visited again or a demo's k change back to a cached result sends
    // it without serializing the figure again.
    private static readonly ConditionalWeakTable<PlotlyFigure, FigureJson?[]> s_byFigure = new();

    /// <summary>The figure with the theme's colours applied, as JSON; made once per figure and theme.</summary>
    public static FigureJson For(PlotlyFigure figure, UiTheme theme)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var slots = s_byFigure.GetValue(figure, _ => new FigureJson?[Enum.GetValues<UiTheme>().Length]);
        var slot = (int)theme;
        var json = Volatile.Read(ref slots[slot]);
        if (json is null)
        {
            var layout = figure.Layout.DeepClone();
            ChartTheme.For(theme).ApplyTo(layout);
            json = Of(figure, layout);
            Volatile.Write(ref slots[slot], json);
        }

        return json;
    }

    public static FigureJson Of(PlotlyFigure figure, Plotly.Blazor.Layout themedLayout)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(themedLayout);
        return new(
            figure.Data.Select(PlotlyFigure.TraceJson).ToImmutableArray(),
            JsonSerializer.SerializeToNode(themedLayout, PlotlyFigure.JsonOptions)!.AsObject());
    }
}
