using SegmentDashboard.Components.Shared;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>Figures kept with the result they were built for, across page instances (a tab visited again).</summary>
public sealed class FigureMemoTests
{
    [Fact]
    public void Get_AnotherMemoSameResultAndInputs_ReturnsTheFigureWithoutBuilding()
    {
        var result = new object();
        var built = PlotlyFigure.Message("first");

        var first = new FigureMemo().Get("sizes", () => built, result, "names");
        var again = new FigureMemo().Get("sizes", () => throw new InvalidOperationException("rebuilt"), result, "names");

        Assert.Same(built, first);
        Assert.Same(built, again);
    }

    [Fact]
    public void Get_ChangedInputOrAnotherResult_Rebuilds()
    {
        var result = new object();
        var builds = 0;
        PlotlyFigure Build()
        {
            builds++;
            return PlotlyFigure.Message("x");
        }

        var memo = new FigureMemo();
        memo.Get("sizes", Build, result, "a");
        memo.Get("sizes", Build, result, "b");
        memo.Get("sizes", Build, new object(), "b");
        new FigureMemo().Get("sizes", Build, result, "b");

        Assert.Equal(3, builds);
    }

    [Fact]
    public void Get_FirstInputAValue_KeptPerMemoOnly()
    {
        var builds = 0;
        PlotlyFigure Build()
        {
            builds++;
            return PlotlyFigure.Message("x");
        }

        new FigureMemo().Get("k", Build, 4, "a");
        new FigureMemo().Get("k", Build, 4, "a");

        Assert.Equal(2, builds);
    }
}
