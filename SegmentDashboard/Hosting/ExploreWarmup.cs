using SegmentDashboard.Components.Charts;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Hosting;

/// <summary>
/// At start-up, once <see cref="SampleWarmup"/> has the sample's first result, builds the Explore
/// tab's figures for the sample as a fresh dashboard shows them (into the shared
/// <see cref="FigureCache"/>) and turns them into JSON once: the first visit of Explore in a new
/// process then neither builds figures nor waits for the figure code and its serialization to be
/// compiled (measured: ~3 s of "opening…" and ~4 s before the first chart was sent, BENCHMARKS.md).
/// Only a head start: every circuit builds what is not cached.
/// </summary>
public sealed class ExploreWarmup(SegmentationService service, SampleResultCache results, FigureCache figures, ILogger<ExploreWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan WaitForSample = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var sample = service.Sample();
            var request = SampleWarmup.Requests(sample, service.Limits.MaxClusterCount).First();
            var waited = TimeSpan.Zero;
            while (!results.Contains(sample, sample, request) && waited < WaitForSample)
            {
                await Task.Delay(200, stoppingToken);
                waited += TimeSpan.FromMilliseconds(200);
            }

            var result = await results.GetOrRunAsync(sample, sample, request, () => service.SegmentAsync(sample, request, null, stoppingToken));
            var names = result.Profiles.ToDictionary(p => p.SegmentId, p => p.Name);
            var choices = ExploreChoices.Resolve(sample, hasSegments: true);
            foreach (var figureRequest in ExploreCharts.Requests(sample, result.RowLabels, result.RowLabels, names, choices))
            {
                var figure = await figures.GetAsync(sample, figureRequest);
                foreach (var theme in new[] { UiTheme.Light, UiTheme.Dark })
                {
                    var layout = figure.Layout.DeepClone();
                    ChartTheme.For(theme).ApplyTo(layout);
                    _ = FigureJson.Of(figure, layout);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Warming the sample's Explore figures failed.");
        }
    }
}
