using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>
/// Issue 11 in the browser: the first segment card's rule, applied to the labeled CSV the page
/// exports, recounts the precision and coverage the card shows.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RuleRecountEndToEndTests(DashboardFixture fixture)
{
    [SkippableFact]
    public async Task Profiles_FirstCardsRule_RecountsItsPrecisionAndCoverageOnTheExportedLabeledCsv()
    {
        // Arrange: the built-in sample, segmented on open.
        fixture.RequireBrowser();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        try
        {
            var browserPage = await context.NewPageAsync();
            browserPage.SetDefaultTimeout(DashboardPage.Timeout);
            await browserPage.GotoAsync("/");
            var page = new DashboardPage(browserPage);
            await page.WaitForReadyAsync();
            await page.NavigateAsync("nav-profiles");
            var card = page.TestId("segment-card").First;
            var rule = card.Locator("[data-testid='segment-rule']");
            await rule.WaitForAsync();

            // Act: read the rule as the card carries it, then download the labeled CSV through the UI.
            var name = (await card.Locator("[data-testid='segment-name']").InnerTextAsync()).Trim();
            var conditions = JsonDocument.Parse((await rule.GetAttributeAsync("data-conditions"))!).RootElement.EnumerateArray().ToList();
            var shownPrecision = double.Parse((await rule.GetAttributeAsync("data-precision"))!, CultureInfo.InvariantCulture);
            var shownCoverage = double.Parse((await rule.GetAttributeAsync("data-coverage"))!, CultureInfo.InvariantCulture);
            var shownText = await rule.Locator("[data-testid='segment-rule-precision']").InnerTextAsync();
            var download = await browserPage.RunAndWaitForDownloadAsync(() => page.TestId("export-csv").ClickAsync());
            var csv = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF');
            var file = CsvLoader.LoadText(csv);

            // Assert: recount over the file's own rows (customers without a segment are left out, as on the card).
            Assert.NotEmpty(conditions);
            int matched = 0, hits = 0, size = 0;
            for (var row = 0; row < file.RowCount; row++)
            {
                var segmentName = file["Segment name"].Format(row);
                if (segmentName.Length == 0)
                {
                    continue;
                }

                var inSegment = segmentName == name;
                size += inSegment ? 1 : 0;
                if (conditions.TrueForAll(c => RuleConditions.Holds(file[c.GetProperty("column").GetString()!].Format(row), c)))
                {
                    matched++;
                    hits += inSegment ? 1 : 0;
                }
            }

            Assert.True(size > 0, $"No row of the export is in segment '{name}'.");
            Assert.Equal(shownPrecision, (double)hits / matched, 12);
            Assert.Equal(shownCoverage, (double)hits / size, 12);
            Assert.Equal(((double)hits / matched * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", shownText.Trim());
            await page.AssertHealthyAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
