using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

public sealed class FigureBuilderTests
{
    private static readonly Dictionary<int, string> Names = new() { [0] = "Young", [1] = "Affluent", [2] = FakeSegmentation.ScriptLevel };

    [Fact]
    public void Pca_FakeResult_OneTracePerSegmentWithEveryPointAndVarianceTitles()
    {
        var result = FakeSegmentation.Result();

        var figure = ScatterFigures.Pca(result, Names);

        Assert.Equal(3, figure.Data.Length);
        Assert.All(figure.Data, trace => Assert.IsType<ScatterGl>(trace));
        Assert.Equal(12, figure.Data.Sum(trace => Json(trace)["x"]!.AsArray().Count));
        Assert.Equal("PC1 (60.0% of variance)", AxisTitle(figure, "xaxis"));
        Assert.Equal("PC2 (25.0% of variance)", AxisTitle(figure, "yaxis"));
        Assert.Equal(new double?[] { 2.0, 2.2, 2.5, 2.1 }, Doubles(Trace(figure, 0)["x"]));
    }

    [Fact]
    public void Pca_ScriptInCsvValue_HoverTextAndNamesAreHtmlEncoded()
    {
        var result = FakeSegmentation.Result();

        var figure = ScatterFigures.Pca(result, Names);

        var hover = Inlined(figure).SelectMany(trace => Strings(trace["text"])).ToArray();
        var scriptRow = hover[6]; // row 7 has Channel = <script>alert(1)</script>
        Assert.Contains("Channel: &lt;script&gt;alert(1)&lt;/script&gt;", scriptRow, StringComparison.Ordinal);
        Assert.DoesNotContain(hover, text => text.Contains("<script>", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", figure.Trace<ScatterGl>(2).Name);
        Assert.DoesNotContain("<script>", figure.ToJson(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pca_HoverTexts_TravelAsRowIdsWithOneTextPerRow()
    {
        var result = FakeSegmentation.Result();

        var figure = ScatterFigures.Pca(result, Names);

        // The live chart's traces name rows; the texts sit once in the figure's row table.
        var ids = figure.Data.SelectMany(trace => Ints(Json(trace)["customdata"])).ToArray();
        Assert.Equal(result.Prepared.SourceRows.Order(), ids.Order());
        Assert.All(figure.Data, trace => Assert.False(Json(trace).ContainsKey("text")));
        Assert.DoesNotContain("Channel:", figure.DataJson(), StringComparison.Ordinal);
        Assert.Same(result.Dataset, figure.Rows!.Source);
        Assert.Equal(ids.Order(), figure.Rows.Ids.Order());
        Assert.StartsWith($"<b>Row {ids[0] + 1}</b>", figure.Rows.TextOf(ids[0]), StringComparison.Ordinal);

        // The self-contained JSON (reports) inlines each point's text in its trace's order.
        var inlined = Inlined(figure);
        Assert.Equal(figure.Rows.TextOf(ids[0]), Strings(inlined[0]["text"])[0]);
        Assert.Contains("Channel:", figure.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stratified_TwentyThousandRows_KeepsEachSegmentsShareWithinTheBound()
    {
        var labels = Enumerable.Range(0, 20_000).Select(i => i < 15_000 ? 0 : i < 19_000 ? 1 : 2).ToArray();

        var picked = Downsampler.Stratified(labels, 5_000);

        Assert.InRange(picked.Length, 4_990, 5_003);
        Assert.Equal(3_750, picked.Count(i => labels[i] == 0));
        Assert.Equal(1_000, picked.Count(i => labels[i] == 1));
        Assert.Equal(250, picked.Count(i => labels[i] == 2));
        Assert.Equal(picked.Order(), picked);
        Assert.Equal(picked.Length, picked.Distinct().Count());
    }

    [Fact]
    public void Columns_TwentyThousandRows_WebGlTracesWithAtMostFiveThousandPoints()
    {
        var n = 20_000;
        var values = Enumerable.Range(0, n).Select(i => (double)i).ToImmutableArray();
        var dataset = new Dataset("big.csv", [new NumericColumn("X", values), new NumericColumn("Y", values)], n, null, []);
        var labels = Enumerable.Range(0, n).Select(i => i % 4).ToImmutableArray();

        var figure = ScatterFigures.Columns(dataset, "X", "Y", labels, Names);

        Assert.Equal(4, figure.Data.Length);
        Assert.All(figure.Data, trace => Assert.IsType<ScatterGl>(trace));
        Assert.Equal(5_000, figure.Data.Sum(trace => Json(trace)["x"]!.AsArray().Count));
    }

    [Fact]
    public void Stratified_FewRows_ReturnsEveryRow()
    {
        Assert.Equal([0, 1, 2], Downsampler.Stratified([5, 5, 7], 10));
    }

    [Theory]
    [InlineData(2, 7.0)] // between the last two merges: (5 + 9) / 2
    [InlineData(3, 3.6)] // between 2.2 and 5
    [InlineData(6, 1.75)] // between 1.5 (the sixth pair) and 2.0
    public void CutHeight_TwelveLeafTree_IsMidwayBetweenTheMergesAroundTheCut(int k, double expected)
    {
        Assert.Equal(expected, DendrogramFigure.CutHeight(FakeSegmentation.TwelveLeafDendrogram(), k), 10);
    }

    [Fact]
    public void Dendrogram_FullTree_DrawsEveryMergeAndTheCutLineForK()
    {
        var dendrogram = FakeSegmentation.TwelveLeafDendrogram();

        var figure = DendrogramFigure.Build(dendrogram, 3, FakeSegmentation.Labels);

        var shape = Layout(figure)["shapes"]![0]!;
        Assert.Equal(3.6, shape["y0"]!.GetValue<double>(), 10);
        Assert.Equal(3.6, shape["y1"]!.GetValue<double>(), 10);
        var pointCount = figure.Data.Sum(trace => Json(trace)["x"]!.AsArray().Count);
        Assert.Equal(11 * 5, pointCount); // every merge is one U of 4 points and a gap
        Assert.Equal(4, figure.Data.Length); // three segments below the cut and the grey links above
        var ticks = Strings(Layout(figure)["xaxis"]!["ticktext"]);
        Assert.Equal(12, ticks.Length);
    }

    [Fact]
    public void Dendrogram_Truncated_ShowsOnlyTheTopMergesWithBranchSizes()
    {
        var figure = DendrogramFigure.Build(FakeSegmentation.TwelveLeafDendrogram(), 2, maxLeaves: 3);

        var ticks = Strings(Layout(figure)["xaxis"]!["ticktext"]);
        Assert.Equal(["(4)", "(4)", "(4)"], ticks);
        Assert.Equal(2 * 5, figure.Data.Sum(trace => Json(trace)["x"]!.AsArray().Count));
    }

    [Fact]
    public void Elbow_Sweep_MarksTheSuggestedKAndTheCurrentK()
    {
        var sweep = FakeSegmentation.Result().Sweep!;

        var figure = EvaluationFigures.Elbow(sweep, 4);

        Assert.Equal(2, figure.Data.Length);
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, Ints(Trace(figure, 0)["x"]));
        Assert.Equal(new[] { 3 }, Ints(Trace(figure, 1)["x"]));
        Assert.Equal(4, Layout(figure)["shapes"]![0]!["x0"]!.GetValue<int>());
    }

    [Fact]
    public void QualityByK_Sweep_SilhouetteAndCalinskiHarabaszOnTwoAxes()
    {
        var figure = EvaluationFigures.QualityByK(FakeSegmentation.Result().Sweep!, 3);

        Assert.Equal("y2", figure.Trace<Scatter>(1).YAxis);
        Assert.Equal(0.5, Doubles(Trace(figure, 0)["y"])[1]);
        Assert.Equal("y", Layout(figure)["yaxis2"]!["overlaying"]!.GetValue<string>());
    }

    [Fact]
    public void PerSample_Silhouette_OneBandPerSegmentSortedHighToLow()
    {
        var result = FakeSegmentation.Result();

        var figure = EvaluationFigures.PerSample(result.Silhouette, result.Labels, Names);

        Assert.Equal(3, figure.Data.Length);
        Assert.Equal(new double?[] { 0.3, 0.2, 0.1, -0.1 }, Doubles(Trace(figure, 2)["x"]));
        Assert.Equal(0.5, Layout(figure)["shapes"]![0]!["x0"]!.GetValue<double>());
    }

    [Fact]
    public void Sizes_Profiles_OneBarPerSegmentInPaletteColours()
    {
        var result = FakeSegmentation.Result();

        var figure = EvaluationFigures.Sizes(result.Profiles, Names);

        Assert.Equal(new[] { 4, 4, 4 }, Ints(Trace(figure, 0)["x"]));
        Assert.Equal(["Young", "Affluent", "&lt;script&gt;alert(1)&lt;/script&gt;"], Strings(Trace(figure, 0)["y"]));
        var colours = Strings(Trace(figure, 0)["marker"]!["color"]);
        Assert.Equal([SegmentPalette.Color(0), SegmentPalette.Color(1), SegmentPalette.Color(2)], colours);
    }

    [Fact]
    public void Sizes_LongSegmentName_LeftMarginFitsItAndNoAxisAsksForAutomargin()
    {
        var names = new Dictionary<int, string> { [0] = "Young", [1] = "High-income weekend big spenders", [2] = "B" };

        var figure = EvaluationFigures.Sizes(FakeSegmentation.Result().Profiles, names);

        // Wrapped at 20 characters ("High-income weekend" / "big spenders"): the longest line, 19
        // characters at 7 px, plus the 14 px tick gap, sized on the server so Plotly lays it out once.
        Assert.Equal("High-income weekend<br>big spenders", Strings(Trace(figure, 0)["y"])[1]);
        Assert.Equal(14 + (19 * 7), Layout(figure)["margin"]!["l"]!.GetValue<int>());
        Assert.DoesNotContain("automargin", figure.LayoutJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void LabelWidth_EncodedLabel_CountsTheCharactersShown()
    {
        Assert.Equal(FigureStyle.LabelWidth(["<b>"]), FigureStyle.LabelWidth(["&lt;b&gt;"]));
        Assert.Equal(14 + (3 * 7), FigureStyle.LabelWidth(["&lt;b&gt;", "ab"]));
        Assert.Equal(16 + 50, FigureStyle.RotatedLabelDepth(100, 30));
        Assert.Equal(16, FigureStyle.RotatedLabelDepth(100, 0));
        Assert.Equal("Vocal, low-rating<br>critics", FigureText.Wrap("Vocal, low-rating critics"));
        Assert.Equal("Vocal,<br>low-rating<br>critics", FigureText.Wrap("Vocal, low-rating critics", 16));
        Assert.Equal("Tom &amp; Jerry<br>fans", FigureText.Wrap("Tom &amp; Jerry fans", 13));
        Assert.Equal("Young", FigureText.Wrap("Young"));
        Assert.Equal(14 + (17 * 7), FigureStyle.LabelWidth(["Vocal, low-rating<br>critics"]));
    }

    [Fact]
    public void ZScoreHeatmap_Profiles_SegmentsByFeaturesMostDistinguishingFirst()
    {
        var figure = ProfileFigures.ZScoreHeatmap(FakeSegmentation.Result().Profiles, Names);

        Assert.Equal(["Income", "Age", "Spend"], Strings(Trace(figure, 0)["x"]));
        Assert.Equal(["Young", "Affluent", "&lt;script&gt;alert(1)&lt;/script&gt;"], Strings(Trace(figure, 0)["y"]));
        var z = Trace(figure, 0)["z"]!.AsArray().Select(Doubles).ToArray();
        Assert.Equal(3, z.Length);
        Assert.Equal(new double?[] { -1.2, -0.8, 0 }, z[0]);
        Assert.Equal(new double?[] { 1.2, 0.8, 0.2 }, z[2]);
    }

    [Fact]
    public void Radar_Profiles_ClosedPolygonPerSegment()
    {
        var figure = ProfileFigures.Radar(FakeSegmentation.Result().Profiles, Names);

        Assert.Equal(3, figure.Data.Length);
        var r = Doubles(Trace(figure, 0)["r"]);
        Assert.Equal(4, r.Length);
        Assert.Equal(r[0], r[^1]);
    }

    [Fact]
    public void Histograms_BySegment_StackedTracesPerSegmentOnSharedBins()
    {
        var dataset = FakeSegmentation.Dataset();

        var figure = ExploreFigures.Histograms(dataset, ["Age", "Income"], FakeSegmentation.Labels, Names);

        Assert.Equal(6, figure.Data.Length); // 2 columns x 3 segments
        Assert.Equal("x2", figure.Trace<Bar>(3).XAxis);
        var ageCounts = figure.Data.Take(3).Sum(trace => Ints(Json(trace)["y"]).Sum());
        Assert.Equal(11, ageCounts); // one age is missing
        Assert.Equal("stack", Layout(figure)["barmode"]!.GetValue<string>());
    }

    [Fact]
    public void CategoryBars_ScriptLevel_IsEncoded()
    {
        var figure = ExploreFigures.CategoryBars(FakeSegmentation.Dataset(), ["Channel"], null, Names);

        var x = Strings(Trace(figure, 0)["x"]);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", x);
        Assert.Equal(new[] { 4, 4, 4 }, Ints(Trace(figure, 0)["y"]));
    }

    [Fact]
    public void CategoryBars_MultiValuedColumn_CountsEachLevelOfACell()
    {
        var column = new MultiCategoricalColumn("Interests", [[0, 1], [1], [], [1, 2]], ["Books", "Toys", "Garden"], ';');
        var dataset = new Dataset("m.csv", [column], 4, null, []);

        var figure = ExploreFigures.CategoryBars(dataset, ["Interests"], null, Names);

        Assert.Equal(["Toys", "Books", "Garden"], Strings(Trace(figure, 0)["x"]));
        Assert.Equal(new[] { 3, 1, 1 }, Ints(Trace(figure, 0)["y"]));
    }

    [Fact]
    public void BoxPlot_BySegment_ShipsQuartilesPerGroupInSegmentOrder()
    {
        var income = (NumericColumn)FakeSegmentation.Dataset()["Income"];
        var byName = Names.ToDictionary(n => n.Value, n => n.Key);

        var figure = ExploreFigures.BoxPlot(income, row => Names[FakeSegmentation.Labels[row]], groupOrder: name => byName[name]);

        Assert.Equal(3, figure.Data.Length);
        Assert.Equal(["Young"], Strings(Trace(figure, 0)["y"]));
        Assert.Equal("h", Trace(figure, 0)["orientation"]!.GetValue<string>());
        // numpy.percentile([20, 22, 25, 21], [25, 50, 75]) == [20.75, 21.5, 22.75]
        Assert.Equal(new double?[] { 20.75 }, Doubles(Trace(figure, 0)["q1"]));
        Assert.Equal(new double?[] { 21.5 }, Doubles(Trace(figure, 0)["median"]));
        Assert.Equal(new double?[] { 22.75 }, Doubles(Trace(figure, 0)["q3"]));
        Assert.False(figure.Data.Any(trace => Json(trace).ContainsKey("x")), "Box plots ship statistics, not points.");
    }

    [Fact]
    public void BoxStatistics_WithOutlier_QuartilesLikeNumpyAndWhiskersWithinOneAndAHalfIqr()
    {
        // numpy.percentile([1, 2, 3, 4, 100], [25, 50, 75]) == [2, 3, 4]
        var stats = BoxStatistics.Of([1, 2, 3, 4, 100]);

        Assert.Equal(new BoxStatistics(2, 3, 4, 1, 4, 22), stats);
    }

    [Fact]
    public void ToJson_NaNAndNestedValues_IsValidPlotlyJson()
    {
        var figure = new PlotlyFigure(
            [new Scatter { Y = FigureText.Numbers([double.NaN, 1.5]), Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = "#000" } }],
            new Plotly.Blazor.Layout { Height = 300 });

        using var json = JsonDocument.Parse(figure.ToJson());

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data")[0].GetProperty("y")[0].ValueKind);
        Assert.Equal(1.5, json.RootElement.GetProperty("data")[0].GetProperty("y")[1].GetDouble());
        Assert.Equal(300, json.RootElement.GetProperty("layout").GetProperty("height").GetInt32());
    }

    [Fact]
    public void Columns_NonNumericColumn_ShowsAMessageInsteadOfPoints()
    {
        var figure = ScatterFigures.Columns(FakeSegmentation.Dataset(), "Channel", "Age", null, Names);

        Assert.Empty(figure.Data);
    }

    [Theory]
    [InlineData(-0.04, 1, "0.0")]
    [InlineData(0.25, 1, "0.3")]
    [InlineData(1234.5678, 1, "1234.6")]
    [InlineData(double.NaN, 2, "n/a")]
    public void Number_Value_InvariantWithoutNegativeZero(double value, int decimals, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

        Assert.Equal(expected, FigureText.Number(value, decimals));
    }

    [Fact]
    public void HoverRow_EncodesNamesAndValues()
    {
        var dataset = new Dataset("x.csv", [new TextColumn("<b>Note</b>", ColumnKind.Text, ["a & <img src=x onerror=alert(1)>"])], 1, null, []);

        var text = HoverText.Row(dataset, 0);

        Assert.Equal("<b>Row 1</b><br>&lt;b&gt;Note&lt;/b&gt;: a &amp; &lt;img src=x onerror=alert(1)&gt;", text);
    }

    [Fact]
    public void HoverText_ContactColumns_LeftOutIdentifierAndMeasuresShown()
    {
        var dataset = SegmentDashboard.Core.Data.CsvLoader.LoadText(
            "CustomerID,Full_Name,Email,Phone,Street_Address,PostalCode,Income\n" +
            "C1,Ana Lind,ana@example.com,+46 8 123 456,Storgatan 1,11122,50000\n" +
            "C2,Björn Berg,bjorn@example.com,+46 8 654 321,Kungsgatan 9,11356,42000\n",
            "crm.csv");

        var text = HoverText.Row(dataset, 1);

        Assert.Equal("<b>Row 2</b><br>CustomerID: C2<br>Income: 42000", text);
    }

    private static string AxisTitle(PlotlyFigure figure, string axis) => Layout(figure)[axis]!["title"]!["text"]!.GetValue<string>();

    /// <summary>A trace as the Plotly JSON the browser is sent.</summary>
    private static JsonObject Json(Plotly.Blazor.ITrace trace) => PlotlyFigure.TraceJson(trace);

    private static JsonObject Trace(PlotlyFigure figure, int index) => Json(figure.Data[index]);

    private static JsonObject Layout(PlotlyFigure figure) => JsonNode.Parse(figure.LayoutJson())!.AsObject();

    /// <summary>The traces of the self-contained JSON (row texts inlined), as the HTML report has them.</summary>
    private static JsonObject[] Inlined(PlotlyFigure figure) =>
        JsonNode.Parse(figure.ToJson())!["data"]!.AsArray().Select(trace => trace!.AsObject()).ToArray();

    private static double?[] Doubles(JsonNode? values) => values!.AsArray().Select(v => v?.GetValue<double>()).ToArray();

    private static int[] Ints(JsonNode? values) => values!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    private static string[] Strings(JsonNode? values) => values!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
}
