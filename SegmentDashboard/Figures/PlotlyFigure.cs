using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace SegmentDashboard.Figures;

/// <summary>
/// An immutable Plotly figure: Plotly.Blazor's typed traces and layout, built by the static figure
/// builders and shown by <c>PlotlyChart</c>. The trace and layout objects are never changed after
/// the builder returns (the chart clones the layout before adding its theme). Missing numbers are
/// null (never NaN) so the JSON is valid. Traces whose <c>customdata</c> holds row ids take their
/// hover <c>text</c> from <see cref="Rows"/>.
/// </summary>
public sealed record PlotlyFigure(ImmutableArray<ITrace> Data, Layout Layout)
{
    /// <summary>Plotly's JSON names, nulls left out (what Plotly.Blazor sends).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Hover texts by row id for the traces' <c>customdata</c> (null: traces carry their own text).</summary>
    public RowTexts? Rows { get; init; }

    /// <summary>A figure with no traces and a centred message (e.g. "Not enough numeric columns").</summary>
    public static PlotlyFigure Message(string text, int height = 320) => new(
        [],
        FigureStyle.Layout(height, layout =>
        {
            layout.XAxis = [new XAxis { Visible = false }];
            layout.YAxis = [new YAxis { Visible = false }];
            layout.Annotations =
            [
                new Annotation
                {
                    Text = FigureText.Encode(text), ShowArrow = false, XRef = "paper", YRef = "paper", X = 0.5, Y = 0.5,
                    Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 14, Color = FigureStyle.MutedText },
                },
            ];
        }));

    /// <summary>The trace at <paramref name="index"/> as its Plotly.Blazor type (tests and builders).</summary>
    public T Trace<T>(int index)
        where T : ITrace => (T)Data[index];

    /// <summary>One trace as Plotly JSON.</summary>
    public static JsonObject TraceJson(ITrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return JsonSerializer.SerializeToNode(trace, trace.GetType(), JsonOptions)!.AsObject();
    }

    /// <summary>Plotly's JSON, self-contained (row texts inlined): <c>{"data":[...],"layout":{...}}</c>.</summary>
    public string ToJson() => new JsonObject
    {
        ["data"] = new JsonArray(Data.Select(trace => (JsonNode)WithTexts(TraceJson(trace))).ToArray()),
        ["layout"] = JsonSerializer.SerializeToNode(Layout, JsonOptions),
    }.ToJsonString(JsonOptions);

    /// <summary>The traces alone, as JSON, row texts not inlined (a chart resends them only when they changed).</summary>
    public string DataJson() => new JsonArray(Data.Select(trace => (JsonNode)TraceJson(trace)).ToArray()).ToJsonString(JsonOptions);

    /// <summary>The layout alone, as JSON.</summary>
    public string LayoutJson() => JsonSerializer.Serialize(Layout, JsonOptions);

    /// <summary>A trace whose <c>customdata</c> holds row ids gets its <c>text</c> from <see cref="Rows"/>.</summary>
    private JsonObject WithTexts(JsonObject trace)
    {
        if (Rows is not null && trace["customdata"] is JsonArray ids && trace["text"] is null)
        {
            trace["text"] = new JsonArray(ids.Select(id => (JsonNode?)JsonValue.Create(Rows.TextOf(id!.GetValue<int>()))).ToArray());
        }

        return trace;
    }
}
