using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SegmentDashboard.Components.Layout;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>bUnit: what a click, a keystroke or an upload does to the dashboard's state and markup.</summary>
public sealed class ComponentInteractionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public ComponentInteractionTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    [Fact]
    public async Task SegmentsPage_TypeK_SetsTheRequestedClusterCount()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<SegmentsPage>();

        // Act
        cut.Find("[data-testid='k-input'] input[type=number]").Input("5");

        // Assert
        Assert.Equal(5, state.Settings.ClusterCount);
        Assert.Equal(5, state.DisplayedClusterCount);
        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("[data-testid='k-input'] input[type=range]").GetAttribute("value")), Patience);
    }

    [Fact]
    public async Task SegmentsPage_TypeKOutOfRange_KeepsTheCurrentK()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<SegmentsPage>();
        var before = state.Settings;

        // Act
        cut.Find("[data-testid='k-input'] input[type=number]").Input("99");

        // Assert
        Assert.Equal(before, state.Settings);
        Assert.Equal(3, state.DisplayedClusterCount);
    }

    [Fact]
    public async Task SegmentsPage_UntickAFeature_LeavesItOutOfTheSettings()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<SegmentsPage>();
        var feature = state.Settings.Features[0];

        // Act
        cut.Find($"[data-testid='feature-select'] input[value='{feature}']").Change(false);

        // Assert
        Assert.DoesNotContain(feature, state.Settings.Features);
        Assert.Equal(2, state.Settings.Features.Length);
        cut.WaitForAssertion(
            () => Assert.Equal(2, cut.FindAll("[data-testid='feature-select'] input[type=checkbox][checked]").Count),
            Patience);
    }

    [Fact]
    public async Task SegmentsPage_ChooseHierarchical_ShowsTheLinkageChoice()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render(WithPopovers<SegmentsPage>());
        Assert.Empty(cut.FindAll("[data-testid='linkage-select']"));

        // Act
        ChooseInMudSelect(cut, "algorithm-select", "Hierarchical");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(ClusteringAlgorithm.Hierarchical, state.Settings.Algorithm), Patience);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='linkage-select']")), Patience);
        cut.WaitForAssertion(() => Assert.Equal("Hierarchical", cut.Find("[data-testid='algorithm-select'] input").GetAttribute("value")), Patience);
    }

    [Fact]
    public async Task SegmentsPage_ChooseScalingInTheMudSelect_OffersTheLabelsAndAppliesTheChoice()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render(WithPopovers<SegmentsPage>());

        // Act
        cut.Find("[data-testid='scaling-select'] .mud-input-control").MouseDown();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open .mud-list-item")), Patience);
        var offered = cut.FindAll(".mud-popover-open .mud-list-item").Select(item => item.TextContent.Trim()).ToArray();
        cut.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == "Robust (median, IQR)").Click();

        // Assert
        Assert.Equal(["Z-score", "Min–max", "Robust (median, IQR)", "None"], offered);
        cut.WaitForAssertion(() => Assert.Equal(SegmentDashboard.Core.Preprocessing.ScalingMethod.Robust, state.Settings.Scaling), Patience);
        cut.WaitForAssertion(() => Assert.Equal("Robust", cut.Find("[data-testid='scaling-select']").GetAttribute("data-value")), Patience);
    }

    [Fact]
    public async Task ComparePage_ChooseDbscan_SaysKIsNotUsedAndDescribesBWithoutAK()
    {
        // Arrange: settings whose radius finds segments on these customers
        var state = ComponentRenderer.ReadyState();
        state.SetSnapshot(state.Dataset!, state.Settings with { Eps = 1.5, MinSamples = 3 }, state.Result!);
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render(WithPopovers<ComparePage>());
        Assert.Single(cut.FindAll("input[data-testid='compare-k'], [data-testid='compare-k'] input"));

        // Act
        // Here the test id sits on the MudSelect itself (not a wrapper), on its input: open the control around it.
        cut.Find("[data-testid='compare-algorithm']").Closest(".mud-input-control")!.MouseDown();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), item => item.TextContent.Trim() == "DBSCAN"), Patience);
        cut.FindAll(".mud-popover-open .mud-list-item").First(item => item.TextContent.Trim() == "DBSCAN").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='compare-dbscan-note']")), Patience);
        cut.Find("button[data-testid='compare-run']").Click();

        // Assert: DBSCAN chooses its own number of segments, so k is not reported (the field stays for the test-id contract).
        Assert.Contains("k is not used", cut.Find("[data-testid='compare-dbscan-note']").TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='compare-ari'], [data-testid='compare-error']")), Patience);
        Assert.Equal("", string.Join("", cut.FindAll("[data-testid='compare-error']").Select(e => e.TextContent)));
        var described = cut.Find("[data-testid='compare-ari']").TextContent;
        Assert.Contains("B is DBSCAN (density).", described, StringComparison.Ordinal);
        Assert.DoesNotContain("k =", described, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysesPage_DeleteAsksInADialogAndDeletesOnlyOnConfirm()
    {
        // Arrange: one saved analysis
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var library = context.Services.GetRequiredService<AnalysisLibrary>();
        var result = state.Result!;
        await library.SaveAsync("Spring mailing", result, [.. Enumerable.Range(1, result.ClusterCount).Select(i => $"Segment {i}")]);
        var cut = context.Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AnalysesPage>(1);
            builder.CloseComponent();
        });
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid='saved-row']")), Patience);
        Assert.Empty(cut.FindAll("[data-testid='confirm-delete']"));

        // Act: ask, then keep; ask again, then confirm
        cut.Find("[data-testid='delete-analysis']").Click();
        cut.WaitForAssertion(() => Assert.Contains("Spring mailing", cut.Find("[data-testid='delete-question']").TextContent, StringComparison.Ordinal), Patience);
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='confirm-delete']")), Patience);
        Assert.Single(await library.Store.ListAsync());
        cut.Find("[data-testid='delete-analysis']").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid='confirm-delete']").Click(), Patience);

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='saved-empty']")), Patience);
        Assert.Empty(await library.Store.ListAsync());
    }

    /// <summary>Opens the MudSelect inside <paramref name="testId"/> by a mouse press (MudSelect opens on mousedown) and clicks the option whose visible text is <paramref name="label"/>. MudSelect applies the choice asynchronously: callers wait for its effect.</summary>
    private static void ChooseInMudSelect<TComponent>(IRenderedComponent<TComponent> cut, string testId, string label)
        where TComponent : IComponent
    {
        cut.Find($"[data-testid='{testId}'] .mud-input-control").MouseDown();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), item => item.TextContent.Trim() == label), Patience);
        cut.FindAll(".mud-popover-open .mud-list-item").First(item => item.TextContent.Trim() == label).Click();
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

    [Fact]
    public async Task SegmentsPage_HideSettings_CollapsesTheDrawerAndKeepsTheResults()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<SegmentsPage>();
        Assert.Contains("mud-drawer--open", cut.Find(".settings-drawer").ClassName, StringComparison.Ordinal);

        // Act
        cut.Find("[data-testid='settings-toggle']").Click();

        // Assert
        Assert.Contains("mud-drawer--closed", cut.Find(".settings-drawer").ClassName, StringComparison.Ordinal);
        Assert.Equal("false", cut.Find("[data-testid='settings-toggle']").GetAttribute("aria-expanded"));
        Assert.Equal("3", cut.Find("[data-testid='metric-segments'] .metric-value").TextContent.Trim());
    }

    [Fact]
    public async Task SegmentCard_RenameAndCommit_RaisesTheNewName()
    {
        // Arrange
        await using var context = ComponentRenderer.CreateContext(ComponentRenderer.ReadyState());
        string? renamed = null;
        var cut = RenderRenamableCard(context, name => renamed = name);

        // Act
        cut.Find("[data-testid='segment-rename']").Click();
        cut.Find("[data-testid='segment-name-input']").Change("VIP <loyal>");

        // Assert
        Assert.Equal("VIP <loyal>", renamed);
        Assert.Empty(cut.FindAll("[data-testid='segment-name-input']"));
    }

    [Fact]
    public async Task SegmentCard_RenameThenEscape_LeavesTheNameAlone()
    {
        // Arrange
        await using var context = ComponentRenderer.CreateContext(ComponentRenderer.ReadyState());
        string? renamed = null;
        var cut = RenderRenamableCard(context, name => renamed = name);

        // Act
        cut.Find("[data-testid='segment-rename']").Click();
        cut.Find("[data-testid='segment-name-input']").KeyDown("Escape");

        // Assert
        Assert.Null(renamed);
        Assert.Equal("Group 1", cut.Find("[data-testid='segment-name']").TextContent);
    }

    [Fact]
    public async Task DataPage_UploadThroughInputFile_LoadsTheFileAsTheDataset()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<DataPage>();
        const string Csv = "Name;Age;Income\nAnna;31;52000\nBen;45;61000\nCara;27;38000\nDan;52;75000\n";

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Csv, "tiny.csv"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("tiny.csv", state.Dataset?.Name), Patience);
        Assert.Equal(4, state.Dataset!.RowCount);
        Assert.Equal(["Name", "Age", "Income"], state.Dataset.Columns.Select(c => c.Name).ToArray());
        cut.WaitForAssertion(() => Assert.Equal("4 rows · 3 columns", cut.Find("[data-testid='dataset-summary']").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task SaveAnalysis_NameAndSubmit_ShowsTheReadOnlyLink()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        string? savedId = null;
        var cut = context.Render<SaveAnalysis>(parameters => parameters.Add(c => c.OnSaved, id => savedId = id));
        Assert.True(cut.Find("[data-testid='save-analysis']").HasAttribute("disabled"));

        // Act
        cut.Find("[data-testid='analysis-name']").Input("Q3 review");
        Assert.False(cut.Find("[data-testid='save-analysis']").HasAttribute("disabled"));
        cut.Find("form").Submit();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(savedId), Patience);
        var link = cut.Find("[data-testid='saved-link'] a");
        Assert.Equal($"a/{savedId}", link.GetAttribute("href"));
        var snackbar = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal("Saved \u201cQ3 review\u201d.", snackbar.Message);
        Assert.Equal(Severity.Success, snackbar.Severity);
    }

    [Fact]
    public async Task SaveAnalysis_StorageFails_ShowsAReferenceNotTheServerPath()
    {
        // Arrange: the store's folder is a file, so opening the database fails with an IOException naming the path.
        var blocker = Path.Combine(Path.GetTempPath(), "sd-blocked-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "not a folder");
        try
        {
            var state = ComponentRenderer.ReadyState();
            await using var context = ComponentRenderer.CreateContext(state);
            context.Services.AddSingleton(new StoreDatabase(Path.Combine(blocker, "store")));
            var cut = context.Render<SaveAnalysis>();

            // Act
            cut.Find("[data-testid='analysis-name']").Input("Q3 review");
            cut.Find("form").Submit();

            // Assert
            cut.WaitForAssertion(() => Assert.Contains("The analysis could not be saved. Something went wrong on the server", cut.Markup, StringComparison.Ordinal), Patience);
            Assert.Matches("reference [0-9a-f]{12}", cut.Markup);
            Assert.DoesNotContain(blocker, cut.Markup, StringComparison.Ordinal);
            Assert.Empty(cut.FindAll("[data-testid='saved-link']"));
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task MainLayout_ThemeToggle_SwitchesTheShellAndTheCascadedTheme()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<MainLayout>(parameters => parameters.Add(c => c.Body, (RenderFragment)(_ => { })));
        Assert.NotNull(cut.Find(".app-shell.theme-light"));

        // Act
        cut.Find("[data-testid='theme-toggle']").Click();

        // Assert
        Assert.NotNull(cut.Find(".app-shell.theme-dark"));
        Assert.Equal("Switch to the light theme", cut.Find("[data-testid='theme-toggle']").GetAttribute("aria-label"));
    }

    /// <summary>The first fake segment's card, named "Group 1", reporting renames to <paramref name="onRename"/>.</summary>
    private static IRenderedComponent<SegmentCard> RenderRenamableCard(BunitContext context, Action<string> onRename) =>
        context.Render<SegmentCard>(parameters => parameters
            .Add(c => c.Profile, FakeSegmentation.Result().Profiles[0])
            .Add(c => c.Name, "Group 1")
            .Add(c => c.OnRename, onRename));
}
