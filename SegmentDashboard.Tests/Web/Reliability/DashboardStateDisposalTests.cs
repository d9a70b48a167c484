using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.State;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>A closed tab ends its circuit's scope: the per-circuit state must cancel the run in flight.</summary>
public sealed class DashboardStateDisposalTests
{
    private static readonly FieldInfo RunCts = typeof(DashboardState).GetField("_runCts", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("DashboardState._runCts not found: update this test with the state's cancellation field.");

    [Fact]
    public async Task DisposeScope_RunInFlight_ItsTokenIsCancelledAndNothingIsPublished()
    {
        // The app's registrations for the state: engine and cache singletons, state scoped per circuit.
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new SegmentationService())
            .AddSingleton<SampleResultCache>()
            .AddScoped<DashboardState>()
            .BuildServiceProvider();
        var service = services.GetRequiredService<SegmentationService>();
        var dataset = await service.LoadCsvAsync(new MemoryStream(BigCsv(8_000)), "big.csv");
        var scope = services.CreateScope();
        var state = scope.ServiceProvider.GetRequiredService<DashboardState>();
        var engineStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var publishedAfterDispose = 0;
        var disposed = false;
        state.Changed += () =>
        {
            if (state.ProgressStage != "Waiting for changes to settle")
            {
                engineStarted.TrySetResult();
            }

            if (Volatile.Read(ref disposed) && state.Result is not null)
            {
                Interlocked.Increment(ref publishedAfterDispose);
            }
        };

        state.UseDataset(dataset);
        var token = ((CancellationTokenSource)RunCts.GetValue(state)!).Token;
        await engineStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(DashboardStatus.Computing, state.Status);
        Assert.False(token.IsCancellationRequested);

        Volatile.Write(ref disposed, true);
        scope.Dispose();

        Assert.True(token.IsCancellationRequested, "Disposing the circuit's scope did not cancel the running segmentation.");
        Assert.Null(RunCts.GetValue(state));
        Assert.Null(state.Result);
        Assert.Equal(0, Volatile.Read(ref publishedAfterDispose));
        await services.DisposeAsync();
    }

    private static byte[] BigCsv(int rows)
    {
        var text = new StringBuilder("Age,Income,Score\n");
        var random = new Random(5);
        for (var i = 0; i < rows; i++)
        {
            var g = i % 5;
            text.Append(CultureInfo.InvariantCulture, $"{20 + (g * 9) + random.Next(8)},{25 + (g * 20) + random.Next(15)},{random.Next(100)}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
