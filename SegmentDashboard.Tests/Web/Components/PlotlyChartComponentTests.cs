using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Components.Charts;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>
/// The chart component with bUnit: what it asks Plotly.Blazor to send, and when it tells the
/// status it has drawn. The browser side (Plotly itself) is faked by bUnit's JS interop.
/// </summary>
public sealed class PlotlyChartComponentTests
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Render_FirstFigure_DrawingUntilTheBrowserShowsIt()
    {
        await using var ctx = NewContext(out var tracker, out var draw, settled: false);
        var figure = EvaluationFigures.Elbow(FakeSegmentation.Result().Sweep!, 3);

        var cut = Render(ctx, figure, UiTheme.Light);

        cut.WaitForAssertion(() => Assert.Single(draw.Invocations));
        Assert.True(tracker.IsDrawing);
        draw.SetResult(true);
        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
        var call = draw.Invocations["draw"][0];
        Assert.Equal(1L, call.Arguments[1]); // the version the browser must show
        // The module draws the figure from its JSON (the version travels beside it), the theme applied.
        var sent = Sent(call.Arguments[2]);
        Assert.Equal(figure.Data.Length, sent["data"]!.AsArray().Count);
        Assert.Equal(figure.Trace<Plotly.Blazor.Traces.Scatter>(0).X!.Count, sent["data"]![0]!["x"]!.AsArray().Count);
        Assert.Equal(ChartTheme.Light.Paper, sent["layout"]!["paper_bgcolor"]!.GetValue<string>());
        Assert.Equal(ChartConfig.Json, call.Arguments[3]);
    }

    [Fact]
    public async Task Render_FirstFigure_PlotlyBlazorStartsEmptyAndSendsNoTraces()
    {
        await using var ctx = NewContext(out var tracker, out _, settled: true);
        var plotly = ctx.JSInterop.SetupModule(ChartEngine.InteropPath);

        var cut = Render(ctx, EvaluationFigures.Elbow(FakeSegmentation.Result().Sweep!, 3), UiTheme.Light);

        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
        cut.WaitForAssertion(() => Assert.Contains(plotly.Invocations, i => i.Identifier == "newPlot"));
        var newPlot = plotly.Invocations.Single(i => i.Identifier == "newPlot");
        Assert.Empty(((IEnumerable<object?>)newPlot.Arguments[1]!).ToArray());
    }

    [Fact]
    public async Task Theme_ToDark_RelayoutsColoursOnly()
    {
        await using var ctx = NewContext(out var tracker, out _, out var module, settled: true);
        var figure = EvaluationFigures.Elbow(FakeSegmentation.Result().Sweep!, 3);
        var cut = Render(ctx, figure, UiTheme.Light);
        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
        var seen = module.Invocations.Count;

        // CascadingValue takes its child content again with every render (as the layout gives it).
        cut.Render(ps => Parameters(ps, figure, UiTheme.Dark));

        var update = LayoutOnlyUpdate(cut, module, seen);
        Assert.Equal(ChartTheme.Dark.Paper, update["paper_bgcolor"]!.GetValue<string>());
        Assert.Equal(ChartTheme.Dark.Grid, update["xaxis.gridcolor"]!.GetValue<string>());
        Assert.DoesNotContain(update, entry => entry.Key is "shapes" or "height" or "xaxis" or "yaxis");
        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
    }

    [Fact]
    public async Task Figure_ElbowForAnotherK_SendsTheMovedLineNotTheCurve()
    {
        await using var ctx = NewContext(out var tracker, out _, out var module, settled: true);
        var sweep = FakeSegmentation.Result().Sweep!;
        var cut = Render(ctx, EvaluationFigures.Elbow(sweep, 3), UiTheme.Light);
        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
        var seen = module.Invocations.Count;

        var chart = cut.FindComponent<PlotlyChart>();
        chart.Render(ps => ps.Add(p => p.Figure, EvaluationFigures.Elbow(sweep, 5)));

        var update = LayoutOnlyUpdate(cut, module, seen);
        Assert.Equal(["shapes"], update.Select(entry => entry.Key));
    }

    [Fact]
    public async Task Figure_AnEqualNewFigure_SendsNothingAndIsNotDrawing()
    {
        await using var ctx = NewContext(out var tracker, out _, out var module, settled: true);
        var sweep = FakeSegmentation.Result().Sweep!;
        var cut = Render(ctx, EvaluationFigures.Elbow(sweep, 3), UiTheme.Light);
        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
        var seen = module.Invocations.Count(i => i.Identifier is "draw" or "update");

        // Another object with the same content (a re-render building the figure again).
        var chart = cut.FindComponent<PlotlyChart>();
        chart.Render(ps => ps.Add(p => p.Figure, EvaluationFigures.Elbow(sweep, 3)));

        cut.WaitForAssertion(() => Assert.False(tracker.IsDrawing));
        Assert.Equal(seen, module.Invocations.Count(i => i.Identifier is "draw" or "update"));
    }

    [Fact]
    public async Task Markup_WithTitle_IsAFigureNamedByItsCaptionWithoutRoleImg()
    {
        await using var ctx = NewContext(out _, out _, settled: true);

        var cut = Render(ctx, PlotlyFigure.Message("x"), UiTheme.Light);

        var figure = cut.Find("figure[data-testid='chart-test']");
        var titleId = figure.GetAttribute("aria-labelledby");
        Assert.Equal("Elbow", cut.Find($"#{titleId}").TextContent);
        Assert.Empty(cut.FindAll("[role='img']"));
        Assert.NotNull(cut.Find("figcaption .chart-subtitle"));
    }

    /// <summary>
    /// The one drawing call the chart module got after <paramref name="seen"/>: Plotly.update with
    /// no trace changes (a relayout), never a whole draw; returns its layout update.
    /// </summary>
    private static System.Text.Json.Nodes.JsonObject LayoutOnlyUpdate(IRenderedComponent<CascadingValue<UiTheme>> cut, BunitJSModuleInterop module, int seen)
    {
        cut.WaitForAssertion(() => Assert.Contains(module.Invocations.Skip(seen), i => i.Identifier == "update"));
        var sent = module.Invocations.Skip(seen).Where(i => i.Identifier is "draw" or "update").ToArray();
        var update = Assert.Single(sent);
        Assert.Equal("update", update.Identifier);
        Assert.Empty(Sent(update.Arguments[2]).AsObject());
        return Sent(update.Arguments[3]).AsObject();
    }

    /// <summary>An argument as it crosses to the browser (JSRuntime's web defaults).</summary>
    private static System.Text.Json.Nodes.JsonNode Sent(object? argument) =>
        System.Text.Json.JsonSerializer.SerializeToNode(argument, WebJson)!;

    /// <summary>A context whose chart module answers <c>draw</c> (the handler returned) and <c>update</c>, at once when <paramref name="settled"/>.</summary>
    private static BunitContext NewContext(out ChartDrawTracker tracker, out JSRuntimeInvocationHandler<bool> draw, bool settled) =>
        NewContext(out tracker, out draw, out _, settled);

    private static BunitContext NewContext(out ChartDrawTracker tracker, out JSRuntimeInvocationHandler<bool> draw, out BunitJSModuleInterop module, bool settled)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        tracker = new ChartDrawTracker();
        ctx.Services.AddSingleton(tracker);
        ctx.Services.AddScoped<ChartEngine>();
        ctx.Services.AddLogging();
        module = ctx.JSInterop.SetupModule(ChartEngine.ChartModulePath);
        module.Setup<bool>("webGlUsable").SetResult(true);
        draw = module.Setup<bool>("draw", _ => true);
        var update = module.Setup<bool>("update", _ => true);
        if (settled)
        {
            draw.SetResult(true);
            update.SetResult(true);
        }

        return ctx;
    }

    private static IRenderedComponent<CascadingValue<UiTheme>> Render(BunitContext ctx, PlotlyFigure figure, UiTheme theme) =>
        ctx.Render<CascadingValue<UiTheme>>(ps => Parameters(ps, figure, theme));

    private static void Parameters(ComponentParameterCollectionBuilder<CascadingValue<UiTheme>> ps, PlotlyFigure figure, UiTheme theme) =>
        ps.Add(p => p.Value, theme)
            .AddChildContent<PlotlyChart>(chart => chart
                .Add(p => p.Figure, figure)
                .Add(p => p.TestId, "chart-test")
                .Add(p => p.Title, "Elbow")
                .Add(p => p.Subtitle, "Suggested k = 3"));
}
