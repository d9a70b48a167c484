using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using SegmentDashboard.Components.Charts;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Hosting;

/// <summary>
/// Warms the process before it serves its first page (a hosted service's start runs before the web
/// server listens): the sample's first result (shared with <see cref="SampleWarmup"/>), the
/// Explore tab's figures for the sample and their JSON in both themes (into the shared
/// <see cref="FigureCache"/>), then every tab rendered once to HTML in a throwaway service scope
/// with its own <see cref="DashboardState"/> on the sample, so that page, MudBlazor and figure
/// code is compiled. Without it the first visitor's first clicks paid for all of this; a process
/// also warming in the background while the first visitor clicked made those clicks slower still
/// (2 cores). About 2.5 s at start on this 2-core machine. Bounded by <see cref="Budget"/>: past
/// it the server starts anyway and the warm-up finishes in the background. Only a head start:
/// every circuit builds what is not cached, and a tab that cannot render outside a circuit is
/// skipped.
/// </summary>
public sealed class StartupWarmup(
    SegmentationService service,
    SampleResultCache results,
    FigureCache figures,
    IServiceProvider services,
    ILoggerFactory loggers,
    ILogger<StartupWarmup> logger) : IHostedService
{
    /// <summary>The longest the server's start waits for the warm-up.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan WaitForSample = TimeSpan.FromMinutes(2);

    /// <summary>The tabs, in the order a demo visits them.</summary>
    public static readonly IReadOnlyList<Type> Tabs = [typeof(ExplorePage), typeof(SegmentsPage), typeof(ProfilesPage), typeof(ComparePage), typeof(DataPage)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var warming = Task.Run(() => WarmAsync(cancellationToken), cancellationToken);
        if (await Task.WhenAny(warming, Task.Delay(Budget, cancellationToken)) != warming)
        {
            logger.LogWarning("Start-up warm-up still running after {Budget}; serving meanwhile.", Budget);
            return;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Start-up warm-up done in {Elapsed} ms.", clock.ElapsedMilliseconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExploreFiguresAsync(cancellationToken);
            await RenderTabsAsync(services, loggers, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Warming the dashboard failed.");
        }
    }

    /// <summary>The Explore tab's figures for the sample as a fresh dashboard shows them, and their JSON in both themes.</summary>
    private async Task ExploreFiguresAsync(CancellationToken cancellationToken)
    {
        var sample = service.Sample();
        var request = SampleWarmup.Requests(sample, service.Limits.MaxClusterCount).First();
        var waited = TimeSpan.Zero;
        while (!results.Contains(sample, sample, request) && waited < WaitForSample)
        {
            // SampleWarmup (started first) computes it; running it here too would do it twice.
            await Task.Delay(50, cancellationToken);
            waited += TimeSpan.FromMilliseconds(50);
        }

        var result = await results.GetOrRunAsync(sample, sample, request, () => service.SegmentAsync(sample, request, null, cancellationToken));
        var names = result.Profiles.ToDictionary(p => p.SegmentId, p => p.Name);
        var choices = ExploreChoices.Resolve(sample, hasSegments: true);
        foreach (var figureRequest in ExploreCharts.Requests(sample, result.RowLabels, result.RowLabels, names, choices))
        {
            var figure = await figures.GetAsync(sample, figureRequest);
            foreach (var theme in Enum.GetValues<UiTheme>())
            {
                _ = FigureJson.For(figure, theme);
            }
        }
    }

    /// <summary>
    /// Renders every tab on the sample as a fresh dashboard shows it; returns each tab's HTML, or
    /// null for a tab that could not render (logged at debug level). Empty when the sample's result
    /// did not arrive.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Type, string?>> RenderTabsAsync(IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggers);
        await using var scope = services.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<DashboardState>();
        state.Start();
        var waited = TimeSpan.Zero;
        while (state.Result is null && state.Status != DashboardStatus.Failed && waited < WaitForSample)
        {
            await Task.Delay(50, cancellationToken);
            waited += TimeSpan.FromMilliseconds(50);
        }

        var pages = new Dictionary<Type, string?>();
        if (state.Result is null)
        {
            return pages;
        }

        if (scope.ServiceProvider.GetService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
        {
            navigation.Initialize("http://localhost/", "http://localhost/");
        }

        var log = loggers.CreateLogger<StartupWarmup>();
        foreach (var page in Tabs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages[page] = await RenderAsync(scope.ServiceProvider, loggers, log, page);
        }

        return pages;
    }

    private static async Task<string?> RenderAsync(IServiceProvider scoped, ILoggerFactory loggers, ILogger log, Type page)
    {
        try
        {
            // A renderer per page: a page's popover provider stays registered as long as its renderer.
            await using var renderer = new HtmlRenderer(scoped, loggers);
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<WarmupHost>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(WarmupHost.Page)] = page }));
                await output.QuiescenceTask;
                return output.ToHtmlString();
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (log.IsEnabled(LogLevel.Debug))
            {
                log.LogDebug(ex, "Warming {Page} skipped.", page.Name);
            }

            return null;
        }
    }
}

/// <summary>A page under MudBlazor's popover provider, as the layout has it (selects need it).</summary>
internal sealed class WarmupHost : ComponentBase
{
    [Parameter, EditorRequired]
    public Type Page { get; set; } = default!;

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<DynamicComponent>(1);
        builder.AddAttribute(2, nameof(DynamicComponent.Type), Page);
        builder.CloseComponent();
    }
}
