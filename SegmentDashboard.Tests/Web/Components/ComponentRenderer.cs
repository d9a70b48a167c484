using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor.Services;
using Radzen;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;
using SegmentDashboard.State;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>Renders a component to HTML with ASP.NET Core's HtmlRenderer and parses it with AngleSharp.</summary>
public static class ComponentRenderer
{
    public static async Task<IDocument> RenderAsync<TComponent>(DashboardState state, IDictionary<string, object?>? parameters = null, ChartDrawTracker? charts = null)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SegmentationService());
        services.AddSingleton(state);
        services.AddSingleton(charts ?? new ChartDrawTracker());
        services.AddSingleton<IJSRuntime, NoJsRuntime>();
        services.AddSingleton<NavigationManager, TestNavigationManager>();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOptions<UploadOptions>();
        services.AddRadzenComponents();
        services.AddMudServices();

        // Saved analyses and reports: never touched while rendering (the store opens its file on first use).
        services.AddSingleton(new AnalysisStore(Path.Combine(Path.GetTempPath(), "sd-render-" + Guid.NewGuid().ToString("N"))));
        services.AddSingleton<AnalysisLibrary>();
        services.AddSingleton(new PlotlyScript(() => string.Empty));
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(
                parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>A state with the fake dataset and result, as if the engine had finished.</summary>
    public static DashboardState ReadyState(SegmentationResult? result = null)
    {
        var state = new DashboardState(new SegmentationService(), new SampleResultCache(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DashboardState>.Instance);
        result ??= FakeSegmentation.Result();
        state.SetSnapshot(
            result.Dataset,
            new SegmentationSettings(result.Request.Features, result.Request.Algorithm, result.ClusterCount),
            result);
        return state;
    }

    public static IElement? ByTestId(this IParentNode node, string testId) => node.QuerySelector($"[data-testid='{testId}']");

    public static IHtmlCollection<IElement> AllByTestId(this IParentNode node, string testId) => node.QuerySelectorAll($"[data-testid='{testId}']");

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }

    /// <summary>Static rendering never calls JS (OnAfterRender does not run); any call is a test failure.</summary>
    private sealed class NoJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"JS call '{identifier}' during static rendering.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new InvalidOperationException($"JS call '{identifier}' during static rendering.");
    }
}
