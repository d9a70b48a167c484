using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegmentDashboard.Figures;

/// <summary>
/// An immutable Plotly figure: traces and layout as Plotly attribute dictionaries (values are
/// numbers, strings, arrays or nested dictionaries). Built by the static figure builders, shipped
/// as JSON by <c>PlotlyChart</c>. Missing numbers are null (never NaN) so the JSON is valid.
/// Traces whose <c>customdata</c> holds row ids take their hover <c>text</c> from <see cref="Rows"/>.
/// </summary>
public sealed record PlotlyFigure(ImmutableArray<ImmutableDictionary<string, object?>> Data, ImmutableDictionary<string, object?> Layout)
{
    /// <summary>Hover texts by row id for the traces' <c>customdata</c> (null: traces carry their own text).</summary>
    public RowTexts? Rows { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>A figure with no traces and a centred message (e.g. "Not enough numeric columns").</summary>
    public static PlotlyFigure Message(string text, int height = 320) => new(
        ImmutableArray<ImmutableDictionary<string, object?>>.Empty,
        FigureStyle.Layout(height, new()
        {
            ["xaxis"] = Dict(("visible", false)),
            ["yaxis"] = Dict(("visible", false)),
            ["annotations"] = new[]
            {
                Dict(("text", FigureText.Encode(text)), ("showarrow", false), ("xref", "paper"), ("yref", "paper"), ("x", 0.5), ("y", 0.5), ("font", Dict(("size", 14), ("color", FigureStyle.MutedText)))),
            },
        }));

    /// <summary>The trace at <paramref name="index"/>'s attribute <paramref name="key"/> (tests and builders).</summary>
    public object? Trace(int index, string key) => Data[index].TryGetValue(key, out var value) ? value : null;

    /// <summary>Plotly's JSON, self-contained (row texts inlined): <c>{"data":[...],"layout":{...}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object?> { ["data"] = TracesWithTexts(), ["layout"] = Layout }, JsonOptions);

    /// <summary>The traces alone, as JSON, row texts not inlined (a chart resends them only when they changed).</summary>
    public string DataJson() => JsonSerializer.Serialize(Data, JsonOptions);

    /// <summary>The traces with each row-id trace's <c>text</c> filled from <see cref="Rows"/>.</summary>
    public ImmutableArray<ImmutableDictionary<string, object?>> TracesWithTexts() =>
        Rows is null
            ? Data
            : Data.Select(trace => trace.TryGetValue("customdata", out var ids) && ids is int[] rows
                ? trace.SetItem("text", rows.Select(row => Rows.Texts[row]).ToArray())
                : trace).ToImmutableArray();

    /// <summary>The layout alone, as JSON.</summary>
    public string LayoutJson() => JsonSerializer.Serialize(Layout, JsonOptions);

    /// <summary>A dictionary from key/value pairs (keeps builder code short).</summary>
    public static ImmutableDictionary<string, object?> Dict(params (string Key, object? Value)[] entries) =>
        entries.ToImmutableDictionary(e => e.Key, e => e.Value);
}
