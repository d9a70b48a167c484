using System.Text.Json.Nodes;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Compare;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

public sealed class CompareFigureTests
{
    // A: 0,0,0,1,1,2 ; B: 5,5,7,7,7,7 → cells (0,5)=2 (0,7)=1 (1,7)=2 (2,7)=1
    private static readonly RunComparison Comparison = RunComparison.Of([0, 0, 0, 1, 1, 2], [5, 5, 7, 7, 7, 7]);

    [Fact]
    public void Sankey_Comparison_NodesAreBothSidesAndLinksTheNonEmptyCells()
    {
        var figure = CompareFigures.Sankey(Comparison, id => $"Old {id}", id => $"New {id}");

        var json = PlotlyFigure.TraceJson(Assert.IsType<Sankey>(Assert.Single(figure.Data)));
        Assert.Equal(["A: Old 0", "A: Old 1", "A: Old 2", "B: New 5", "B: New 7"], Strings(json["node"]!["label"]!));
        Assert.Equal([0, 0, 1, 2], Ints(json["link"]!["source"]!));
        Assert.Equal([3, 4, 4, 4], Ints(json["link"]!["target"]!));
        Assert.Equal([2, 1, 2, 1], Ints(json["link"]!["value"]!));
    }

    [Fact]
    public void Sankey_ScriptInSegmentName_LabelIsHtmlEncoded()
    {
        var figure = CompareFigures.Sankey(Comparison, _ => "<script>alert(1)</script>", _ => "B&B");

        var labels = Strings(PlotlyFigure.TraceJson(figure.Data[0])["node"]!["label"]!);
        Assert.Contains("A: &lt;script&gt;alert(1)&lt;/script&gt;", labels);
        Assert.Contains("B: B&amp;B", labels);
        Assert.DoesNotContain(labels, label => label.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void ContingencyHeatmap_Comparison_CellsAreTheCounts()
    {
        var figure = CompareFigures.ContingencyHeatmap(Comparison, id => $"Old {id}", id => $"New {id}");

        var json = PlotlyFigure.TraceJson(Assert.IsType<HeatMap>(Assert.Single(figure.Data)));
        var z = json["z"]!.AsArray().Select(row => row!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray();
        Assert.Equal([[2.0, 1.0], [0.0, 2.0], [0.0, 1.0]], z);
        Assert.Equal(["B: New 5", "B: New 7"], Strings(json["x"]!));
    }

    private static string[] Strings(JsonNode node) => [.. node.AsArray().Select(v => v!.GetValue<string>())];

    private static int[] Ints(JsonNode node) => [.. node.AsArray().Select(v => (int)v!.GetValue<double>())];
}
