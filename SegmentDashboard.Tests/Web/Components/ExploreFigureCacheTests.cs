using System.Collections.Immutable;
using Plotly.Blazor.Traces;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The Explore tab's figures as data (<see cref="ExploreCharts"/>) and the cache they are built into.</summary>
public sealed class ExploreFigureCacheTests
{
    private static readonly Dictionary<int, string> Names = new() { [0] = "Young", [1] = "Affluent", [2] = "Thrifty" };

    [Fact]
    public async Task GetAsync_SameDatasetAndKeyTwice_BuildsOnceAndReturnsTheSameFigure()
    {
        var cache = new FigureCache();
        var dataset = FakeSegmentation.Dataset();
        var builds = 0;
        var request = new FigureRequest(new FigureKey("histogram", null, "a"), () =>
        {
            Interlocked.Increment(ref builds);
            return PlotlyFigure.Message("built");
        });

        var first = await cache.GetAsync(dataset, request);
        var second = await cache.GetAsync(dataset, request with { Build = () => throw new InvalidOperationException("not again") });

        Assert.Same(first, second);
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task GetAsync_AnotherDatasetOrLabelsArray_BuildsAgain()
    {
        var cache = new FigureCache();
        var dataset = FakeSegmentation.Dataset();
        var labels = FakeSegmentation.Labels.ToArray();
        var sameValues = FakeSegmentation.Labels.ToArray();
        var builds = 0;
        FigureRequest Request(int[] l) => new(new FigureKey("scatter", l, "x"), () =>
        {
            Interlocked.Increment(ref builds);
            return PlotlyFigure.Message("built");
        });

        await cache.GetAsync(dataset, Request(labels));
        await cache.GetAsync(dataset, Request(labels));
        await cache.GetAsync(dataset, Request(sameValues));
        await cache.GetAsync(FakeSegmentation.Dataset(), Request(labels));

        // Labels are compared by the result's array (a new result is a new figure), datasets by object.
        Assert.Equal(3, builds);
    }

    [Fact]
    public async Task GetAsync_BuildFails_TheNextRequestTriesAgain()
    {
        var cache = new FigureCache();
        var dataset = FakeSegmentation.Dataset();
        var key = new FigureKey("box", null, "Age");

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(dataset, new FigureRequest(key, () => throw new InvalidOperationException("bad"))));
        var figure = await cache.GetAsync(dataset, new FigureRequest(key, () => PlotlyFigure.Message("good")));

        Assert.Contains("good", figure.LayoutJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SlowBuild_ReturnsBeforeTheFigureIsBuilt()
    {
        var cache = new FigureCache();
        using var release = new ManualResetEventSlim();

        // Built on the caller's thread, this would block for 30 s and return a finished task.
        var task = cache.GetAsync(FakeSegmentation.Dataset(), new FigureRequest(new FigureKey("h", null, string.Empty), () =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return PlotlyFigure.Message("x");
        }));
        var returnedEarly = !task.IsCompleted;
        release.Set();
        await task;

        Assert.True(returnedEarly);
    }

    [Fact]
    public void Requests_ColouredBySegment_OneRequestPerChartKeyedByLabelsAndChoices()
    {
        var dataset = FakeSegmentation.Dataset();
        var labels = FakeSegmentation.Labels;
        var choices = ExploreChoices.Resolve(dataset, hasSegments: true);

        var requests = ExploreCharts.Requests(dataset, labels, labels, Names, choices);

        Assert.Equal([ExploreCharts.Histogram, ExploreCharts.Categories, ExploreCharts.Correlation, ExploreCharts.Box, ExploreCharts.Scatter], requests.Select(r => r.Key.Slot).ToArray());
        var array = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(labels);
        Assert.Same(array, requests[0].Key.Labels);
        Assert.Null(requests[2].Key.Labels);
        Assert.Equal(new ExploreChoices("Age", ExploreCharts.SegmentGroup, "Age", "Income"), choices);
        Assert.Equal(3, requests[3].Build().Data.Length);
    }

    [Fact]
    public void Requests_NotColoured_HistogramAndScatterKeysHaveNoLabels()
    {
        var dataset = FakeSegmentation.Dataset();
        var choices = ExploreChoices.Resolve(dataset, hasSegments: true, boxGroup: "Channel", scatterX: "Spend", scatterY: "Nope");

        var requests = ExploreCharts.Requests(dataset, null, FakeSegmentation.Labels, Names, choices);

        Assert.Null(requests[0].Key.Labels);
        Assert.Null(requests[4].Key.Labels);
        Assert.Equal(new ExploreChoices("Age", "Channel", "Spend", "Income"), choices);
        Assert.Single(requests[4].Build().Data);
    }

    [Fact]
    public void Requests_ScatterIsSvgWithAtMostTheExplorePointBudget()
    {
        var n = 10_000;
        var values = Enumerable.Range(0, n).Select(i => (double)i).ToImmutableArray();
        var dataset = new SegmentDashboard.Core.Data.Dataset(
            "big.csv", [new SegmentDashboard.Core.Data.NumericColumn("X", values), new SegmentDashboard.Core.Data.NumericColumn("Y", values)], n, null, []);
        var labels = Enumerable.Range(0, n).Select(i => i % 3).ToImmutableArray();

        var scatter = ExploreCharts.Requests(dataset, labels, labels, Names, ExploreChoices.Resolve(dataset, hasSegments: true))
            .Single(r => r.Key.Slot == ExploreCharts.Scatter).Build();

        Assert.Equal(3, scatter.Data.Length);
        Assert.All(scatter.Data, trace => Assert.IsType<Scatter>(trace));
        var points = scatter.Data.Sum(trace => ((Scatter)trace).X.Count);
        Assert.InRange(points, ExploreCharts.MaxScatterPoints - 3, ExploreCharts.MaxScatterPoints);
    }
}
