using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using MudBlazor.Services;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;
using SegmentDashboard.State;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>
/// Renders components with bUnit (MudBlazor services, loose JS interop) and, for markup assertions,
/// parses the rendered markup with AngleSharp.
/// </summary>
public static class ComponentRenderer
{
    /// <summary>
    /// Renders <typeparamref name="TComponent"/>, then disposes the context (as a closed circuit
    /// would) and returns the markup it had rendered.
    /// </summary>
    public static async Task<IDocument> RenderAsync<TComponent>(DashboardState state, IDictionary<string, object?>? parameters = null, ChartDrawTracker? charts = null)
        where TComponent : IComponent
    {
        string markup;
        await using (var context = CreateContext(state, charts))
        {
            var rendered = context.Render<TComponent>(Fragment<TComponent>(parameters));
            markup = rendered.Markup;
        }

        return new HtmlParser().ParseDocument(markup);
    }

    /// <summary>A bUnit context with the dashboard's services; the caller disposes it (<c>await using</c>).</summary>
    public static BunitContext CreateContext(DashboardState state, ChartDrawTracker? charts = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = context.Services;
        services.AddMudServices();
        services.AddSingleton(new SegmentationService());
        services.AddSingleton(state);
        services.AddSingleton(charts ?? new ChartDrawTracker());
        services.AddScoped<SegmentDashboard.Components.Charts.ChartEngine>();
        services.AddSingleton<SegmentDashboard.Figures.FigureCache>();
        services.AddScoped<SegmentDashboard.Components.Customers.CustomerSession>();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOptions<UploadOptions>();

        // Saved analyses and reports: never touched while rendering (the store opens its file on first use).
        services.AddSingleton(new StoreDatabase(Path.Combine(Path.GetTempPath(), "sd-render-" + Guid.NewGuid().ToString("N"))));
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<AnalysisLibrary>();
        services.AddSingleton<SharingStore>();
        services.AddSingleton<AccessTokenStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OwnedAnalyses>();
        services.AddSingleton(TimeProvider.System);

        // Personal mode: the implicit owner is signed in.
        services.AddSingleton(new SegmentDashboard.Auth.AuthOptions());
        services.AddSingleton<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, PersonalAuthenticationState>();
        services.AddScoped<SegmentDashboard.Auth.CurrentActor>();
        services.AddSingleton(new PlotlyScript(() => string.Empty));
        return context;
    }

    /// <summary>A fragment that renders <typeparamref name="TComponent"/> with the given parameters.</summary>
    public static RenderFragment Fragment<TComponent>(IDictionary<string, object?>? parameters)
        where TComponent : IComponent => builder =>
    {
        builder.OpenComponent<TComponent>(0);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            builder.AddComponentParameter(1, name, value);
        }

        builder.CloseComponent();
    };

    /// <summary>A state with the fake dataset and result, as if the engine had finished.</summary>
    public static DashboardState ReadyState(SegmentationResult? result = null)
    {
        var state = new DashboardState(new SegmentationService(), new SampleResultCache(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DashboardState>.Instance);
        result ??= FakeSegmentation.Result();
        state.SetSnapshot(
            result.Dataset,
            new SegmentationRequest { Features = result.Request.Features, Algorithm = result.Request.Algorithm, ClusterCount = result.ClusterCount },
            result);
        return state;
    }

    public static IElement? ByTestId(this IParentNode node, string testId) => node.QuerySelector($"[data-testid='{testId}']");

    public static IHtmlCollection<IElement> AllByTestId(this IParentNode node, string testId) => node.QuerySelectorAll($"[data-testid='{testId}']");
}

/// <summary>The personal-mode user, as the app's Personal scheme signs everyone in.</summary>
internal sealed class PersonalAuthenticationState : Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider
{
    public override Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(
            SegmentDashboard.Auth.ActorClaims.Principal(Actor.Personal.Name, isAdmin: true, SegmentDashboard.Auth.AuthSchemes.Personal)));
}
