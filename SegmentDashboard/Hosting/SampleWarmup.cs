using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.State;

namespace SegmentDashboard.Hosting;

/// <summary>
/// At start-up, segments the built-in sample with its default settings for the suggested k and for
/// every k from 2 to 15, into the shared <see cref="SampleResultCache"/>: the dashboard opens on a
/// finished result and a demo's k changes do not wait for the engine (about 1 s of background CPU,
/// once per process). Other settings and uploaded data are always computed live.
/// </summary>
public sealed class SampleWarmup(SegmentationService service, SampleResultCache cache, ILogger<SampleWarmup> logger) : BackgroundService
{
    /// <summary>The requests a fresh dashboard issues on the sample: the first run, then a run per chosen k.</summary>
    public static IEnumerable<SegmentationRequest> Requests(Core.Data.Dataset sample, int maxClusterCount)
    {
        var defaults = new SegmentationRequest { Features = [.. Preprocessor.DefaultFeatures(sample)] };
        yield return RunScheduler.FinalRequest(defaults, sweepFits: false);
        for (var k = SegmentationRequest.MinClusterCount; k <= maxClusterCount; k++)
        {
            // A k change reuses the sweep the first run computed, so its request has none.
            yield return RunScheduler.FinalRequest(defaults with { ClusterCount = k }, sweepFits: true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting before the first run.
        await Task.Yield();
        try
        {
            var sample = service.Sample();
            foreach (var request in Requests(sample, service.Limits.MaxClusterCount))
            {
                await cache.GetOrRunAsync(sample, sample, request, () => service.SegmentAsync(sample, request, null, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a head start: every circuit computes what is not cached.
            logger.LogWarning(ex, "Warming the sample's results failed.");
        }
    }
}
