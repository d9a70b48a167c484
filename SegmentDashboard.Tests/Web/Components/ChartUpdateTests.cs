using SegmentDashboard.Components.Charts;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>What a chart sends when its figure changes: only what changed, worked out on the Plotly JSON.</summary>
public sealed class ChartUpdateTests
{
    private static readonly Dictionary<int, string> Names = new() { [0] = "Young", [1] = "Affluent", [2] = "Third" };

    [Fact]
    public void Plan_ElbowOnlyCurrentKMoved_RelayoutsTheShapesAlone()
    {
        var sweep = FakeSegmentation.Result().Sweep!;
        var before = Json(EvaluationFigures.Elbow(sweep, 3));
        var after = Json(EvaluationFigures.Elbow(sweep, 5));

        var plan = ChartUpdate.Plan(before, after);

        Assert.Equal(ChartUpdateKind.Relayout, plan.Kind);
        Assert.Empty(plan.Data);
        Assert.Equal(["shapes"], plan.Layout.Keys);
        Assert.Equal(5, plan.Layout["shapes"]![0]!["x0"]!.GetValue<int>());
        Assert.False(plan.DataChanged);
    }

    [Fact]
    public void Plan_SameFigure_SendsNothing()
    {
        var sweep = FakeSegmentation.Result().Sweep!;

        var plan = ChartUpdate.Plan(Json(EvaluationFigures.Elbow(sweep, 3)), Json(EvaluationFigures.Elbow(sweep, 3)));

        Assert.Equal(ChartUpdateKind.None, plan.Kind);
    }

    [Fact]
    public void Plan_SizesWithNewCounts_UpdatesOnlyTheChangedDataArrays()
    {
        var profiles = FakeSegmentation.Result().Profiles;
        var before = Json(EvaluationFigures.Sizes(profiles, Names));
        var after = Json(EvaluationFigures.Sizes([.. profiles.Select(p => p with { Size = p.Size + 1 })], Names));

        var plan = ChartUpdate.Plan(before, after);

        Assert.Equal(ChartUpdateKind.Update, plan.Kind);
        Assert.Equal(["x"], plan.Data.Keys);
        Assert.Equal([5, 5, 5], plan.Data["x"]![0]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Empty(plan.Layout);
    }

    [Fact]
    public void Plan_ScatterRegroupedIntoAnotherNumberOfSegments_ReactsWithTheWholeFigure()
    {
        var result = FakeSegmentation.Result();
        var before = Json(ScatterFigures.Pca(result, Names));
        var after = Json(ScatterFigures.Pca(result with { Labels = [.. result.Labels.Select(l => l == 2 ? 1 : l)] }, Names));

        var plan = ChartUpdate.Plan(before, after);

        Assert.Equal(ChartUpdateKind.React, plan.Kind);
        Assert.True(plan.DataChanged);
    }

    [Fact]
    public void Plan_NothingShownYet_Reacts()
    {
        var plan = ChartUpdate.Plan(null, Json(PlotlyFigure.Message("x")));

        Assert.Equal(ChartUpdateKind.React, plan.Kind);
    }

    [Fact]
    public void ThemeRelayout_DarkOnTwoAxes_SetsBackgroundsTextAndEveryGridAndNothingElse()
    {
        var figure = EvaluationFigures.QualityByK(FakeSegmentation.Result().Sweep!, 3);

        var update = ChartTheme.For(UiTheme.Dark).Relayout(figure.Layout);

        Assert.Equal(
            ["font.color", "paper_bgcolor", "plot_bgcolor", "xaxis.gridcolor", "xaxis.zerolinecolor", "yaxis.gridcolor", "yaxis.zerolinecolor", "yaxis2.gridcolor", "yaxis2.zerolinecolor"],
            update.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ChartTheme.Dark.Text, update["font.color"]);
        Assert.Equal(ChartTheme.Dark.Grid, update["yaxis2.gridcolor"]);
        Assert.NotEqual(ChartTheme.Light.Paper, ChartTheme.Dark.Paper);
    }

    [Fact]
    public void ThemeApply_OnACopy_LeavesTheFigureAsBuilt()
    {
        var figure = EvaluationFigures.Elbow(FakeSegmentation.Result().Sweep!, 3);
        var before = figure.LayoutJson();

        var copy = figure.Layout.DeepClone();
        ChartTheme.Dark.ApplyTo(copy);

        Assert.Equal(before, figure.LayoutJson());
        Assert.Equal(ChartTheme.Dark.Paper, copy.PaperBgColor);
        Assert.Equal(ChartTheme.Dark.Grid, copy.XAxis[0].GridColor);
    }

    private static FigureJson Json(PlotlyFigure figure) => FigureJson.Of(figure, figure.Layout);
}
