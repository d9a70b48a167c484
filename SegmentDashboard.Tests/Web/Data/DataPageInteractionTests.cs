using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SegmentDashboard.Components.Data;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.State;
using SegmentDashboard.Tests.Core.Customers;
using SegmentDashboard.Tests.Web.Components;

namespace SegmentDashboard.Tests.Web.Data;

/// <summary>bUnit: the Data page's column grid and upload (issue 9's MudDataGrid, issue 10's NA switch, labels, sheet choice).</summary>
public sealed class DataPageInteractionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public DataPageInteractionTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    private static DashboardState StateWith(Dataset dataset)
    {
        var state = ComponentRenderer.ReadyState();
        state.UseDataset(dataset);
        return state;
    }

    /// <summary>Regions with the code NA (North America) and a spend: NA is kept as a value on load.</summary>
    private static Dataset Regions() => CsvLoader.LoadText(
        "Region,Spend,Visits\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{(i % 4) switch { 0 => "EMEA", 1 => "NA", 2 => "APAC", _ => "NA" }},{10 + (i * 3.5)},{i % 7}\n"))));

    /// <summary>Waits (polling the state, which runs off the renderer) for the result computed on <paramref name="dataset"/>.</summary>
    private static async Task<SegmentDashboard.Core.Segmentation.SegmentationResult> ResultForAsync(DashboardState state, Dataset dataset)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (state.Result is { } result && ReferenceEquals(result.Dataset, dataset) && state.Status == DashboardStatus.Ready)
            {
                return result;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No result on the edited dataset: status {state.Status}, error {state.SegmentationError}.");
    }

    private static RenderFragment WithPopovers<TComponent>()
        where TComponent : IComponent => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<TComponent>(1);
        builder.CloseComponent();
    };

    [Fact]
    public async Task ColumnGrid_NaSwitch_TreatsNaAsMissingThenBackAsACode()
    {
        // Arrange
        var dataset = Regions();
        Assert.Equal(0, dataset["Region"].MissingCount);
        var state = StateWith(dataset);
        state.SetFeatureIncluded("Visits", false);
        var features = state.Settings.Features;
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<ColumnGrid>();
        Assert.NotNull(cut.Find("[data-testid='trait-na-code']"));

        // Act: NA is missing
        var toMissing = cut.Find("button[data-testid='na-switch']");
        Assert.Equal("value", toMissing.GetAttribute("data-na"));
        Assert.Equal("Treat NA as missing", toMissing.TextContent.Trim());
        toMissing.Click();

        // Assert
        var switched = Assert.IsType<CategoricalColumn>(state.Dataset!["Region"]);
        Assert.Equal(20, switched.MissingCount);
        Assert.DoesNotContain("NA", switched.Levels);
        Assert.Equal(features.ToArray(), state.Settings.Features.ToArray());
        cut.WaitForAssertion(() => Assert.Equal("missing", cut.Find("button[data-testid='na-switch']").GetAttribute("data-na")), Patience);
        Assert.NotNull(cut.Find("[data-testid='trait-na-missing']"));
        Assert.Contains("50", cut.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);

        // Act: and back
        cut.Find("button[data-testid='na-switch']").Click();

        // Assert
        Assert.Same(dataset["Region"], state.Dataset!["Region"]);
        Assert.Empty(state.Dataset.NaCodeColumns);
        cut.WaitForAssertion(() => Assert.Equal("value", cut.Find("button[data-testid='na-switch']").GetAttribute("data-na")), Patience);
    }

    [Fact]
    public async Task ColumnGrid_NaNotice_SaysSoAndItsButtonSwitches()
    {
        // Arrange
        var state = StateWith(Regions());
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<ColumnGrid>();
        var notice = cut.Find("[data-testid='na-notice']");
        Assert.Equal("Region", notice.GetAttribute("data-column"));
        Assert.Contains("Region holds short codes, so its NA is read as a code", notice.TextContent, StringComparison.Ordinal);

        // Act
        cut.Find("button[data-testid='na-notice-switch']").Click();

        // Assert
        Assert.Equal(20, state.Dataset!["Region"].MissingCount);
        cut.WaitForAssertion(() => Assert.Contains("NA in Region is read as missing.", cut.Find("[data-testid='na-notice']").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("Keep NA as a code", cut.Find("button[data-testid='na-notice-switch']").TextContent.Trim());
    }

    [Fact]
    public async Task ColumnGrid_EditLabel_StoredOnTheDatasetAndKeepsTheFeatures()
    {
        // Arrange
        var state = StateWith(Regions());
        var features = state.Settings.Features;
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<ColumnGrid>();
        var input = cut.Find("input[aria-label='Label of Spend']");
        Assert.Equal("spend", input.GetAttribute("placeholder"));

        // Act
        input.Change("  wine budget ");

        // Assert
        Assert.Equal("wine budget", state.Dataset!.ChosenLabels["Spend"]);
        Assert.Equal("wine budget", ColumnMeanings.Of(state.Dataset, state.Dataset["Spend"]).Label);
        Assert.Equal(features.ToArray(), state.Settings.Features.ToArray());
        cut.WaitForAssertion(() => Assert.Equal("wine budget", cut.Find("input[aria-label='Label of Spend']").GetAttribute("value")), Patience);

        // Act: cleared, back to the inferred label
        cut.Find("input[aria-label='Label of Spend']").Change(string.Empty);

        // Assert
        Assert.Empty(state.Dataset!.ChosenLabels);
    }

    [Fact]
    public async Task ColumnGrid_EditLabel_SegmentNamesUseTheLabel()
    {
        // Arrange: two clearly separated groups on a column no lexicon knows.
        var csv = "Xq7,Yz9\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{(i < 30 ? 1 + (i % 5) : 100 + (i % 5))},{i % 3}\n")));
        var state = StateWith(CsvLoader.LoadText(csv));
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<ColumnGrid>();

        // Act
        cut.Find("input[aria-label='Label of Xq7']").Change("wine budget");
        state.UpdateSettings(state.Settings with { ClusterCount = 2 });

        // Assert: the run on the labelled dataset names the segments with the label.
        var result = await ResultForAsync(state, state.Dataset!);
        Assert.Contains(result.Profiles, p => p.Name.StartsWith("High wine budget", StringComparison.Ordinal));
        Assert.Contains(result.Profiles, p => p.Name.StartsWith("Low wine budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ColumnGrid_TraitChips_SayWhyAPhoneIsNotAFeature()
    {
        // Arrange
        var state = StateWith(RealDataFiles.Load("realdata_orderlines.csv"));
        await using var context = ComponentRenderer.CreateContext(state);

        // Act
        var cut = context.Render<ColumnGrid>();

        // Assert
        var phoneRow = cut.FindAll("tbody tr").Single(row => row.QuerySelector(".col-name")?.TextContent == "PHONE");
        var traits = phoneRow.QuerySelector("[data-testid='column-traits']")!;
        Assert.Equal("not a feature: looks like a phone number", traits.GetAttribute("data-why"));
        Assert.NotNull(traits.QuerySelector("[data-testid='trait-not-feature']"));
        Assert.Contains("Personal / contact", traits.TextContent, StringComparison.Ordinal);
        Assert.Contains(ColumnView.KindName(state.Dataset!["PHONE"].Kind), traits.TextContent, StringComparison.Ordinal);
        var territory = cut.FindAll("tbody tr").Single(row => row.QuerySelector(".col-name")?.TextContent == "TERRITORY");
        Assert.NotNull(territory.QuerySelector("[data-testid='trait-na-code']"));
    }

    [Fact]
    public async Task ColumnGrid_ThreeThousandColumns_RendersOnlyTheRowsInViewAndSearchFinds()
    {
        // Arrange
        var header = string.Join(',', Enumerable.Range(0, 3000).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i}")));
        var row = string.Join(',', Enumerable.Range(0, 3000).Select(i => (i % 10).ToString(CultureInfo.InvariantCulture)));
        var state = StateWith(CsvLoader.LoadText(header + "\n" + row + "\n" + row + "\n"));
        await using var context = ComponentRenderer.CreateContext(state);

        // Act
        var cut = context.Render<ColumnGrid>();

        // Assert
        var shown = cut.FindAll("[data-testid='column-meaning']").Count;
        Assert.True(shown < 200, $"A virtualized grid renders the rows in view, not {shown}.");
        Assert.Contains("3.000 columns", cut.Markup.Replace(",", ".", StringComparison.Ordinal), StringComparison.Ordinal);

        // Act: find one column by name
        cut.Find("input[data-testid='column-search'], [data-testid='column-search'] input").Input("c2999");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".col-name"), cell => cell.TextContent == "c2999"), Patience);
        Assert.DoesNotContain(cut.FindAll(".col-name"), cell => cell.TextContent == "c10");
    }

    [Fact]
    public async Task DataPage_UploadWorkbook_FirstSheetEmptyThenChooseOrders_LoadsThatSheet()
    {
        // Arrange
        var state = ComponentRenderer.ReadyState();
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render(WithPopovers<SegmentDashboard.Components.Pages.DataPage>());
        var bytes = await File.ReadAllBytesAsync(RealDataFiles.PathOf("realdata_orders.xlsx"));

        // Act: the first sheet ('Notes') has no data rows
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, "realdata_orders.xlsx"));

        // Assert: the message names the other sheet, and the chooser offers it
        cut.WaitForAssertion(() => Assert.Contains("'Orders'", state.LoadError ?? string.Empty, StringComparison.Ordinal), Patience);
        Assert.Contains("no data rows", state.LoadError, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal("Notes", cut.Find("[data-testid='sheet-chooser']").GetAttribute("data-value")), Patience);

        // Act: choose 'Orders'
        cut.Find("[data-testid='sheet-chooser'] .mud-input-control").MouseDown();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), item => item.TextContent.Trim() == "Orders"), Patience);
        cut.FindAll(".mud-popover-open .mud-list-item").First(item => item.TextContent.Trim() == "Orders").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(200, state.Dataset?.RowCount), Patience);
        Assert.Equal("realdata_orders.xlsx", state.Dataset!.Name);
        Assert.Equal("Orders", state.Dataset.Dialect!.Sheet);
        Assert.Equal(["Notes", "Orders"], state.Dataset.Dialect.Sheets.ToArray());
        Assert.Null(state.LoadError);
        cut.WaitForAssertion(() => Assert.Equal("Excel workbook (.xlsx) · sheet 'Orders' of 2", cut.Find("[data-testid='dialect']").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task UploadZone_Busy_ShowsTheProgressBarAndDisablesTheNativeInput()
    {
        // Arrange
        await using var context = ComponentRenderer.CreateContext(ComponentRenderer.ReadyState());

        // Act
        var cut = context.Render<UploadZone>(p => p
            .Add(c => c.Busy, true)
            .Add(c => c.Percent, 42)
            .Add(c => c.Stage, "Uploading orders.csv…")
            .Add(c => c.MaxSizeText, "256 MB")
            .Add(c => c.OnFileSelected, EventCallback<InputFileChangeEventArgs>.Empty));

        // Assert
        var input = cut.Find("[data-testid='upload']");
        Assert.Equal("input", input.LocalName);
        Assert.Equal("file", input.GetAttribute("type"));
        Assert.True(input.HasAttribute("disabled"));
        var bar = cut.Find("[data-testid='upload-progress']");
        Assert.Equal("42", bar.GetAttribute("aria-valuenow"));
        Assert.Contains("Uploading orders.csv…", cut.Markup, StringComparison.Ordinal);
    }
}
