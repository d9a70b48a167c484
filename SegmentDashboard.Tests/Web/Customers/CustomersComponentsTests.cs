using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using SegmentDashboard.Components.Customers;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.State;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Web.Customers;

/// <summary>Issue 10's Data-page components, rendered with bUnit: the meaning select per column and the "One row per customer" panel.</summary>
public class CustomersComponentsTests
{
    private static (BunitContext Context, DashboardState State) Arrange(Dataset dataset)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var state = new DashboardState(new SegmentationService(), new SampleResultCache(), NullLogger<DashboardState>.Instance);
        context.Services.AddSingleton(state);
        context.Services.AddScoped<CustomerSession>();
        state.UseDataset(dataset);
        return (context, state);
    }

    [Fact]
    public async Task ColumnMeaningSelect_PhoneColumn_SaysWhyItIsNotAFeature()
    {
        var (context, _) = Arrange(RealDataFiles.Load("realdata_orderlines.csv"));
        await using var ctx = context;

        var cut = ctx.Render<ColumnMeaningSelect>(p => p.Add(c => c.Column, "PHONE"));

        var select = cut.Find("[data-testid='column-meaning']");
        Assert.Equal("Contact", select.GetAttribute("data-meaning"));
        Assert.Equal("not a feature: looks like a phone number", select.GetAttribute("title"));
    }

    [Fact]
    public async Task CustomersPanel_ToggleOn_BuildsTheTableAndSaysWhatWasLeftOut()
    {
        var invoices = RealDataFiles.Load("realdata_invoices.csv");
        var expected = RealDataFiles.Expected("realdata_invoices.csv");
        var (context, state) = Arrange(invoices);
        await using var ctx = context;
        var cut = ctx.Render<CustomersPanel>(p => p.AddCascadingValue(DashboardComponentBase.VersionName, 1L));

        cut.Find("input[data-testid='customers-toggle']").Change(true);

        cut.WaitForAssertion(
            () =>
            {
                var summary = cut.Find("[data-testid='customers-summary']").TextContent;
                Assert.Contains($"{expected.GetProperty("customers").GetArrayLength()} customers", summary, StringComparison.Ordinal);
                Assert.Contains($"{expected.GetProperty("returnRows").GetInt32()} cancellation or return lines netted", summary, StringComparison.Ordinal);
                Assert.Contains($"{expected.GetProperty("rowsWithoutCustomer").GetInt32()} rows without a customer left out", summary, StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(30));
        Assert.Equal(expected.GetProperty("customers").GetArrayLength(), state.Dataset!.RowCount);
        var rfm = cut.Find("[data-testid='customers-rfm']").TextContent;
        var champions = expected.GetProperty("rfm").EnumerateArray().Count(s => s.GetString() is ['5', '4' or '5', _]);
        Assert.Contains($"Champions {champions}", rfm, StringComparison.Ordinal);
        Assert.Contains("Orders", state.Settings.Features);
        Assert.DoesNotContain("CustomerID", state.Settings.Features);

        cut.Find("input[data-testid='customers-toggle']").Change(false);

        cut.WaitForAssertion(() => Assert.Same(invoices, state.Dataset), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CustomersPanel_CustomerTableAlready_NotShown()
    {
        var (context, _) = Arrange(SegmentDashboard.Core.Samples.SampleCustomers.Generate());
        await using var ctx = context;

        var cut = ctx.Render<CustomersPanel>();

        Assert.Empty(cut.FindAll("[data-testid='customers-toggle']"));
    }
}
