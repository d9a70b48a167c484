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
    public void Sankey_MatchedSegments_KeepTheirColourAcrossAndLinksTakeTheirSourcesColour()
    {
        // A0's best match is B5; B7 is the best match of A1 (2 customers) and A2 (1): it takes A1's colour.
        // B9 (one customer of A0) is nobody's match: a colour no A segment has.
        var comparison = RunComparison.Of([0, 0, 0, 1, 1, 2, 0], [5, 5, 7, 7, 7, 7, 9]);

        var figure = CompareFigures.Sankey(comparison, id => $"Old {id}", id => $"New {id}");

        var json = PlotlyFigure.TraceJson(figure.Data[0]);
        string[] expected = [SegmentPalette.Color(0), SegmentPalette.Color(1), SegmentPalette.Color(2), SegmentPalette.Color(0), SegmentPalette.Color(1), SegmentPalette.Color(3)];
        Assert.Equal(expected, Strings(json["node"]!["color"]!));
        var sources = Ints(json["link"]!["source"]!);
        var linkColours = Strings(json["link"]!["color"]!);
        Assert.Equal(sources.Length, linkColours.Length);
        Assert.Equal("#4f6bed", SegmentPalette.Color(0));
        Assert.Equal("rgba(79,107,237,0.4)", linkColours[0]); // segment 0's blue at 40%
        Assert.Equal(sources.Select(s => linkColours[Array.IndexOf(sources, s)]), linkColours);
        Assert.Equal(3, linkColours.Distinct().Count());
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
        Assert.True(json["reversescale"]!.GetValue<bool>()); // Blues reversed: pale when empty, dark when full

    }

    private static string[] Strings(JsonNode node) => [.. node.AsArray().Select(v => v!.GetValue<string>())];

    private static int[] Ints(JsonNode node) => [.. node.AsArray().Select(v => (int)v!.GetValue<double>())];
}
