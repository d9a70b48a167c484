using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>bUnit: the K-prototypes choice in the Segments settings drawer and its gamma field.</summary>
public sealed class SegmentsPageKPrototypesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public SegmentsPageKPrototypesTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    [Fact]
    public async Task SegmentsPage_ChooseKPrototypes_ShowsTheGammaFieldWithTheDefaultAndAppliesATypedGamma()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render(WithPopovers<SegmentsPage>());
        Assert.Empty(cut.FindAll("[data-testid='gamma-input']"));

        // Act: pick it from the method select, as a user does.
        cut.Find("[data-testid='algorithm-select'] .mud-input-control").MouseDown();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), item => item.TextContent.Trim() == "K-prototypes (mixed data)"), Patience);
        cut.FindAll(".mud-popover-open .mud-list-item").First(item => item.TextContent.Trim() == "K-prototypes (mixed data)").Click();

        // Assert: the choice, and the gamma field showing that the default applies.
        // MudSelect applies a clicked option asynchronously: wait for it, never assume the click finished.
        cut.WaitForAssertion(() => Assert.Equal(ClusteringAlgorithm.KPrototypes, state.Settings.Algorithm), Patience);
        cut.WaitForAssertion(() => Assert.Equal("KPrototypes", cut.Find("[data-testid='algorithm-select']").GetAttribute("data-value")), Patience);
        cut.WaitForAssertion(() => Assert.Equal("default", cut.Find("[data-testid='gamma-input']").GetAttribute("data-value")), Patience);
        Assert.Contains("default from the numeric spread", cut.Find("[data-testid='gamma-input']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid='k-input']"));

        // Act: type a gamma (invariant culture, whatever the browser's).
        cut.Find("[data-testid='gamma-input'] input").Change("1.5");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(1.5, state.Settings.Gamma), Patience);
        cut.WaitForAssertion(() => Assert.Equal("1.5", cut.Find("[data-testid='gamma-input']").GetAttribute("data-value")), Patience);
    }

    [Fact]
    public void Algorithms_OfferKPrototypesWithItsLabel()
    {
        Assert.Contains(ClusteringAlgorithm.KPrototypes, ChoiceLabels.Algorithms);
        Assert.Equal("K-prototypes (mixed data)", ChoiceLabels.Algorithm(ClusteringAlgorithm.KPrototypes));
    }

    [Fact]
    public async Task MetricCards_GowerResult_SaysWhichDistanceEachMetricUsed()
    {
        // Arrange
        var result = FakeSegmentation.Result() with { Distance = "gower", Gamma = 0.5 };
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        // Act
        var cut = context.Render<MetricCards>(parameters => parameters.Add(p => p.Result, result));

        // Assert
        var note = cut.Find("[data-testid='metric-distance']");
        Assert.Equal("gower", note.GetAttribute("data-distance"));
        Assert.Contains("Silhouette: Gower distance", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Davies–Bouldin: Euclidean", note.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The page under a popover provider, as MainLayout has it: MudSelect draws its options there.</summary>
    private static RenderFragment WithPopovers<TComponent>()
        where TComponent : IComponent => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<TComponent>(1);
        builder.CloseComponent();
    };
}
