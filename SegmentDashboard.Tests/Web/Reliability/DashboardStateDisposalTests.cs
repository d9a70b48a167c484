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
    private static readonly FieldInfo Runs = typeof(DashboardState).GetField("_runs", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("DashboardState._runs not found: update this test with the state's run scheduler field.");

    private static readonly FieldInfo RunCts = typeof(RunScheduler).GetField("_runCts", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("RunScheduler._runCts not found: update this test with the scheduler's cancellation field.");

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
        var disposedDuringRun = new TaskCompletionSource<DashboardStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var publishedAfterDispose = 0;
        var disposed = 0;
        CancellationToken token = default;
        state.Changed += () =>
        {
            if (Volatile.Read(ref disposed) == 1)
            {
                if (state.Result is not null)
                {
                    Interlocked.Increment(ref publishedAfterDispose);
                }

                return;
            }

            // The engine's first progress report: the run is certainly in flight. Close the circuit
            // right here (from the engine's thread, as a closing tab would from the circuit's).
            if (state.ProgressStage != "Waiting for changes to settle" && Interlocked.Exchange(ref disposed, 1) == 0)
            {
                var status = state.Status;
                token = ((CancellationTokenSource)RunCts.GetValue(Runs.GetValue(state))!).Token;
                scope.Dispose();
                disposedDuringRun.TrySetResult(status);
            }
        };

        state.UseDataset(dataset);
        Assert.Equal(DashboardStatus.Computing, await disposedDuringRun.Task.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.True(token.IsCancellationRequested, "Disposing the circuit's scope did not cancel the running segmentation.");
        Assert.Null(RunCts.GetValue(Runs.GetValue(state)));
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
