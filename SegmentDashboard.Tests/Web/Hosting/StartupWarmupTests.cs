using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Hosting;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Hosting;

/// <summary>The start-up warm-up really renders every tab on the sample (a skipped tab would leave its code cold for the first visitor).</summary>
[Collection(ApiCollection.Name)]
public sealed class StartupWarmupTests(ApiFixture fixture)
{
    [Fact]
    public async Task RenderTabs_Sample_EveryTabRendersItsContent()
    {
        var services = fixture.Factory.Services;

        var pages = await StartupWarmup.RenderTabsAsync(services, services.GetRequiredService<ILoggerFactory>(), CancellationToken.None);

        Assert.Equal(StartupWarmup.Tabs.Count, pages.Count);
        Assert.All(pages, page => Assert.False(page.Value is null, $"{page.Key.Name} did not render"));
        // Explore shows its charts' frames and the summary grid; Segments its metric cards; Profiles a card per segment.
        Assert.Contains("data-testid=\"chart-histogram\"", pages[typeof(ExplorePage)], StringComparison.Ordinal);
        Assert.Contains("data-testid=\"metric-silhouette\"", pages[typeof(SegmentsPage)], StringComparison.Ordinal);
        Assert.Contains("data-testid=\"segment-card\"", pages[typeof(ProfilesPage)], StringComparison.Ordinal);
    }
}
