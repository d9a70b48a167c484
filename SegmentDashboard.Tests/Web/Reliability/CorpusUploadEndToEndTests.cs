using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;
using SegmentDashboard.Tests.Web.EndToEnd;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>
/// Every case of the malformed-CSV corpus uploaded through the real `upload` input, one after the
/// other into ONE page that started on the sample: each either loads (summary shows its rows and
/// columns) or shows a specific message while the previous dataset stays; the circuit never drops.
/// The app runs with its own TMPDIR so the test can see that no upload leaves a temporary file.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CorpusUploadEndToEndTests(DashboardFixture fixture)
{
    /// <summary>Bound for one case (upload, load, segmentation): a hang fails the test instead of stalling it.</summary>
    private const float CaseTimeout = 60_000;

    [SkippableFact]
    public async Task Upload_EveryCorpusCase_LoadsOrShowsASpecificMessageAndKeepsTheCircuit()
    {
        fixture.RequireBrowser();
        var temp = Directory.CreateTempSubdirectory("segmentdashboard-corpus-ui-");
        try
        {
            await using var app = await AppServerFixture.StartAsync(new Dictionary<string, string> { ["TMPDIR"] = temp.FullName });
            await using var session = await ReliabilitySession.OpenAsync(fixture.Browser, app.BaseAddress);
            var page = session.Dashboard;
            await page.WaitForReadyAsync();
            var watch = Stopwatch.StartNew();
            var outcomes = new List<string>();

            foreach (var @case in MalformedCsvCorpus.All)
            {
                outcomes.Add(await UploadCaseAsync(session, @case));
                await page.AssertNoReconnectDialogAsync();
            }

            // Still alive and usable after 52 uploads: the Segments tab computes on the last dataset.
            await page.NavigateAsync("nav-segments");
            await page.TestId("metric-segments").WaitForAsync();
            await session.AssertHealthyAsync();
            Assert.Empty(temp.EnumerateFiles("segmentdashboard-*", SearchOption.AllDirectories));
            Assert.True(outcomes.Count >= 30, "The corpus should have at least 30 cases.");
            Assert.Contains(outcomes, o => o.StartsWith("error", StringComparison.Ordinal));
            Assert.Contains(outcomes, o => o.StartsWith("loaded", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcomes.Count} corpus cases through the UI in {watch.Elapsed.TotalSeconds:0.0} s"));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static async Task<string> UploadCaseAsync(ReliabilitySession session, MalformedCsvCase @case)
    {
        var page = session.Dashboard;
        var fileName = @case.Name + ".csv";

        // A clean slate: no load error from the previous case, so the next one is unambiguous.
        var dismiss = session.Page.Locator("[data-testid='error-message'] button");
        if (await dismiss.CountAsync() > 0)
        {
            await dismiss.ClickAsync();
            await session.Page.WaitForFunctionAsync("() => !document.body.innerText.includes('That file could not be used.')");
        }

        var summaryBefore = await session.SummaryAsync();
        var nameBefore = await session.DatasetNameAsync();

        await page.UploadAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = @case.Bytes });
        try
        {
            await session.Page.WaitForFunctionAsync(
                """
                name => {
                    const panel = document.querySelector("[data-testid='error-message']");
                    if (panel && panel.innerText.includes('That file could not be used.')) return true;
                    const chip = document.querySelector('.dataset-chip-name');
                    const status = document.querySelector("[data-testid='status']");
                    const input = document.querySelector("[data-testid='upload']");
                    return !!chip && [name, name + '.csv'].includes(chip.textContent.trim()) && !!status
                        && (status.classList.contains('status-ready') || status.classList.contains('status-failed'))
                        && !!input && !input.disabled;
                }
                """,
                @case.Name,
                new PageWaitForFunctionOptions { Timeout = CaseTimeout });
        }
        catch (TimeoutException)
        {
            var status = await page.TestId("status").InnerTextAsync();
            var errors = await session.Page.Locator("[data-testid='error-message']").AllInnerTextsAsync();
            throw new TimeoutException($"Corpus case '{@case.Name}' did not finish within {CaseTimeout / 1000:0} s: status '{status}', dataset '{await session.DatasetNameAsync()}', panel '{string.Join(" | ", errors)}'.");
        }

        var panel = session.Page.Locator("[data-testid='error-message']");
        // Read once, without waiting: the panel is settled here, and a missing panel reads as no text.
        var panelText = string.Join('\n', await panel.AllInnerTextsAsync());
        if (panelText.Contains("That file could not be used.", StringComparison.Ordinal))
        {
            var message = panelText;
            Assert.True(
                !@case.LoadsSuccessfully || @case.Options is not null,
                $"{@case.Name} should load but the UI said: {message}");
            Assert.True(@case.Error is not null, $"{@case.Name}: {message}");
            if (@case.Line is { } line)
            {
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"line {line}"), message, StringComparison.OrdinalIgnoreCase);
            }

            if (@case.MessageContains is { } phrase)
            {
                Assert.Contains(phrase, message, StringComparison.OrdinalIgnoreCase);
            }

            AssertNoLeak(message);
            Assert.Equal(summaryBefore, await session.SummaryAsync());
            Assert.Equal(nameBefore, await session.DatasetNameAsync());
            return "error " + @case.Name;
        }

        Assert.True(@case.LoadsSuccessfully || @case.Options is not null, $"{@case.Name} should have been refused ({@case.Error}).");
        var summary = await session.SummaryAsync();
        if (@case.Options is null && @case.Rows is { } rows)
        {
            Assert.Contains(rows.ToString(CultureInfo.InvariantCulture) + (rows == 1 ? " row" : " rows"), summary, StringComparison.Ordinal);
        }

        if (@case.Options is null && @case.Columns is { } columns)
        {
            Assert.Contains(columns.ToString(CultureInfo.InvariantCulture) + (columns == 1 ? " column" : " columns"), summary, StringComparison.Ordinal);
        }

        // A dataset that loads but cannot be segmented (one row, one constant column...) says why.
        AssertNoLeak(panelText);

        return "loaded " + @case.Name + " " + JsonSerializer.Serialize(summary);
    }

    internal static void AssertNoLeak(string message)
    {
        Assert.DoesNotContain("at SegmentDashboard.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }
}
