using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Hosting;
using SegmentDashboard.State;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The per-circuit state on the real engine with a small dataset: debounce, cancellation, errors.</summary>
public sealed class DashboardStateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UpdateSettings_RapidChanges_OnlyTheLastSettingsArePublished()
    {
        using var state = NewState();
        await UseAndWaitAsync(state, ThreeBlobs());
        var seen = new List<int>();
        state.Changed += () =>
        {
            if (state.Result is { } result)
            {
                lock (seen)
                {
                    seen.Add(result.ClusterCount);
                }
            }
        };

        var ready = WaitForReadyAsync(state, state.RunVersion + 3);
        state.UpdateSettings(state.Settings with { ClusterCount = 2 });
        state.UpdateSettings(state.Settings with { ClusterCount = 5 });
        state.UpdateSettings(state.Settings with { ClusterCount = 4 });
        await ready;

        Assert.Equal(4, state.Result!.ClusterCount);
        Assert.Equal(4, state.ResultSettings!.ClusterCount);
        Assert.Equal(DashboardStatus.Ready, state.Status);
        lock (seen)
        {
            Assert.DoesNotContain(2, seen);
            Assert.DoesNotContain(5, seen);
        }
    }

    [Fact]
    public async Task UpdateSettings_KOrMethodChanged_ReusesTheKSweep()
    {
        using var state = NewState();
        await UseAndWaitAsync(state, ThreeBlobs());
        var sweep = state.Sweep;
        Assert.NotNull(sweep);

        var ready = WaitForReadyAsync(state, state.RunVersion + 1);
        state.UpdateSettings(state.Settings with { ClusterCount = 5 });
        await ready;

        Assert.Equal(5, state.Result!.ClusterCount);
        Assert.Same(sweep, state.Sweep);

        ready = WaitForReadyAsync(state, state.RunVersion + 1);
        state.UpdateSettings(state.Settings with { Algorithm = ClusteringAlgorithm.Hierarchical });
        await ready;

        Assert.Equal(ClusteringAlgorithm.Hierarchical, state.Result!.Request.Algorithm);
        Assert.False(state.Result.Request.IncludeSweep);
        Assert.Same(sweep, state.Sweep);
    }

    [Fact]
    public async Task FailLoading_AfterADataset_KeepsTheDatasetResultAndReadyStatus()
    {
        using var state = NewState();
        var dataset = ThreeBlobs();
        await UseAndWaitAsync(state, dataset);
        var result = state.Result;

        state.FailLoading("Line 3 has 4 fields but the header has 3.");

        Assert.Same(dataset, state.Dataset);
        Assert.Same(result, state.Result);
        Assert.Equal("Line 3 has 4 fields but the header has 3.", state.LoadError);
        Assert.Equal(DashboardStatus.Ready, state.Status);
    }

    [Fact]
    public async Task UpdateSettings_NoFeatures_FailsWithTheEnginesMessageAndKeepsTheLastResult()
    {
        using var state = NewState();
        await UseAndWaitAsync(state, ThreeBlobs());
        var result = state.Result;

        var failed = WaitForAsync(state, () => state.Status == DashboardStatus.Failed);
        state.UpdateSettings(state.Settings with { Features = ["Nope"] });
        await failed;

        Assert.False(string.IsNullOrWhiteSpace(state.SegmentationError));
        Assert.Same(result, state.Result);
    }

    [Fact]
    public async Task SetFeatureIncluded_Column_TogglesItInDatasetOrder()
    {
        using var state = NewState();
        await UseAndWaitAsync(state, ThreeBlobs());

        state.SetFeatureIncluded("Income", false);
        Assert.Equal(new[] { "Spend" }, state.Settings.Features.ToArray());
        state.SetFeatureIncluded("Income", true);

        Assert.Equal(new[] { "Income", "Spend" }, state.Settings.Features.ToArray());
        await WaitForReadyAsync(state, state.RunVersion);
    }

    [Fact]
    public async Task ChangeColumnKind_NumberToCategory_ReplacesTheColumnAndRecomputes()
    {
        using var state = NewState();
        await UseAndWaitAsync(state, ThreeBlobs());
        var ready = WaitForReadyAsync(state, state.RunVersion + 1);

        var changed = state.ChangeColumnKind("Spend", ColumnKind.Categorical);
        await ready;

        Assert.True(changed);
        Assert.Equal(ColumnKind.Categorical, state.Dataset!["Spend"].Kind);
        Assert.Equal(ColumnKind.Categorical, state.Summaries.Single(s => s.Name == "Spend").Kind);
        Assert.Same(state.Dataset, state.Result!.Dataset);
    }

    [Fact]
    public async Task SampleResultCache_OnlyTheSample_IsCached()
    {
        var cache = new SampleResultCache();
        var service = new SegmentationService();
        var sample = service.Sample();
        var other = ThreeBlobs();
        var request = new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false };
        var runs = 0;
        Task<SegmentationResult> Run(Dataset dataset) { runs++; return service.SegmentAsync(dataset, request); }

        var first = await cache.GetOrRunAsync(sample, sample, request, () => Run(sample));
        var second = await cache.GetOrRunAsync(sample, sample, request with { Features = [] }, () => Run(sample));
        await cache.GetOrRunAsync(other, sample, request, () => Run(other));
        await cache.GetOrRunAsync(other, sample, request, () => Run(other));

        Assert.Same(first, second);
        Assert.Equal(3, runs);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task SampleWarmup_ThenEveryKOnTheSample_PublishedAtOnceAndNothingComputedAgain()
    {
        var service = new SegmentationService();
        var cache = new SampleResultCache();
        using (var warmup = new SampleWarmup(service, cache, NullLogger<SampleWarmup>.Instance))
        {
            await warmup.StartAsync(CancellationToken.None);
            await warmup.ExecuteTask!.WaitAsync(Timeout);
        }

        Assert.Equal(15, cache.Count);
        using var state = new DashboardState(service, cache, NullLogger<DashboardState>.Instance);
        var ready = WaitForReadyAsync(state, 1);
        state.Start();
        await ready;

        foreach (var k in Enumerable.Range(SegmentationRequest.MinClusterCount, 14).Reverse())
        {
            state.UpdateSettings(state.Settings with { ClusterCount = k });

            // Cached: published at once, without the debounce or a trip to the thread pool.
            Assert.Equal(DashboardStatus.Ready, state.Status);
            Assert.Equal(k, state.Result!.ClusterCount);
        }

        // Every request the dashboard made was one the warm-up had cached.
        Assert.Equal(15, cache.Count);
    }

    [Fact]
    public async Task SampleResultCache_EqualRequestWithNewFeatureArray_IsAHit()
    {
        var cache = new SampleResultCache();
        var service = new SegmentationService();
        var sample = service.Sample();
        var request = new SegmentationRequest { Features = ["Age", "AnnualIncome"], ClusterCount = 3, IncludeSweep = false, IncludeStability = false };
        var runs = 0;
        Task<SegmentationResult> Run() { runs++; return service.SegmentAsync(sample, request); }

        var first = await cache.GetOrRunAsync(sample, sample, request, Run);
        var copy = request with { Features = [.. new[] { "Age", "AnnualIncome" }] };
        var second = await cache.GetOrRunAsync(sample, sample, copy, Run);
        await cache.GetOrRunAsync(sample, sample, request with { Seed = 1 }, Run);

        Assert.Same(first, second);
        Assert.True(cache.Contains(sample, sample, copy));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Progress_StaleRunReports_AreIgnoredAndStageAndFractionStayTogether()
    {
        using var state = NewState();
        await UseAndWaitAsync(state, ThreeBlobs());
        var torn = 0;
        state.Changed += () =>
        {
            var stage = state.ProgressStage;
            var fraction = state.Progress;
            if (stage.Length == 0 || fraction is < 0 or > 1)
            {
                Interlocked.Increment(ref torn);
            }
        };

        var ready = WaitForReadyAsync(state, state.RunVersion + 2);
        state.UpdateSettings(state.Settings with { ClusterCount = 2, Seed = 3 });
        state.UpdateSettings(state.Settings with { ClusterCount = 3, Seed = 4 });
        await ready;

        Assert.Equal(0, Volatile.Read(ref torn));
        Assert.Equal(3, state.Result!.ClusterCount);
        Assert.Equal(1, state.Progress);
    }

    private static DashboardState NewState() =>
        new(new SegmentationService(), new SampleResultCache(), NullLogger<DashboardState>.Instance);

    /// <summary>90 customers in three well separated blobs of income and spend (deterministic).</summary>
    private static Dataset ThreeBlobs()
    {
        var csv = new StringBuilder("Id,Income,Spend\n");
        for (var i = 0; i < 90; i++)
        {
            var blob = i % 3;
            var jitter = ((i * 37) % 11) - 5;
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},{20 + (blob * 40) + jitter},{10 + (blob * 25) - jitter}\n");
        }

        return CsvLoader.LoadText(csv.ToString(), "blobs.csv");
    }

    private static async Task UseAndWaitAsync(DashboardState state, Dataset dataset)
    {
        var ready = WaitForReadyAsync(state, state.RunVersion + 1);
        state.UseDataset(dataset);
        await ready;
    }

    private static Task WaitForReadyAsync(DashboardState state, long run) =>
        WaitForAsync(state, () => state.Status == DashboardStatus.Ready && state.RunVersion >= run);

    private static async Task WaitForAsync(DashboardState state, Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                done.TrySetResult();
            }
        }

        state.Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(Timeout);
        }
        finally
        {
            state.Changed -= Check;
        }
    }
}
