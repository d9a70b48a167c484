using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Core.Sharing;
using SegmentDashboard.Reports;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// Export buttons for one analysis (the live one on the Profiles tab, a saved one on /a/{id}).
/// Files are built off the renderer thread and handed to the browser through the same
/// <c>js/download.js</c> stream download as the labeled CSV.
/// </summary>
public sealed partial class ExportActions
{
    private bool _busy;
    private bool _includeContact;
    private string? _error;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private PlotlyScript Plotly { get; set; } = default!;

    [Inject]
    private ILogger<ExportActions> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public SegmentationResult Result { get; set; } = default!;

    /// <summary>Segment names as shown, indexed by segment id.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> Names { get; set; } = default!;

    /// <summary>The report's title (the analysis name).</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Labels per dataset row when they are not the result's own (a saved analysis).</summary>
    [Parameter]
    public ImmutableArray<int>? RowLabels { get; set; }

    /// <summary>Also offer the labeled CSV (the Profiles tab has its own button).</summary>
    [Parameter]
    public bool IncludeLabeledCsv { get; set; }

    /// <summary>
    /// The customer table <see cref="Result"/> segmented, when it was built from a transactions
    /// file: also offer the labeled CSV per original line (each line with its customer's segment).
    /// </summary>
    [Parameter]
    public Customers.CustomerLines? Lines { get; set; }

    /// <summary>A warning repeated at the top of the report, or null.</summary>
    [Parameter]
    public string? Warning { get; set; }

    private Column? Identifier => CustomerIdExport.FindIdentifier(Result.Dataset);

    // "<safe dataset name>-segments.csv" without its suffix: every export of a dataset shares the stem.
    private string Stem => Pages.ProfilesPage.ExportFileName(Result.Dataset.Name)[..^"-segments.csv".Length];

    /// <summary>The profiles with the names as shown.</summary>
    private ImmutableArray<Core.Profiling.SegmentProfile> NamedProfiles() =>
        Result.Profiles.Select(p => p with { Name = p.SegmentId >= 0 && p.SegmentId < Names.Count ? Names[p.SegmentId] : p.Name }).ToImmutableArray();

    /// <summary>The named profiles without contact columns' traits, unless "include contact columns" is ticked.</summary>
    private ImmutableArray<Core.Profiling.SegmentProfile> VisibleProfiles() =>
        ProfileExport.Visible(NamedProfiles(), Result.Dataset, _includeContact);

    private Task ExportLabeledCsvAsync()
    {
        var labels = RowLabels ?? Result.RowLabels;
        return DownloadAsync(Pages.ProfilesPage.ExportFileName(Result.Dataset.Name), "text/csv", stream => LabeledCsvWriter.Write(stream, Result.Dataset, labels.AsSpan(), Names, _includeContact));
    }

    private Task ExportLinesAsync()
    {
        if (Lines is not { } lines)
        {
            return Task.CompletedTask;
        }

        var customerLabels = RowLabels ?? Result.RowLabels;
        return DownloadAsync(
            Stem + "-lines-segments.csv",
            "text/csv",
            stream => LabeledCsvWriter.Write(stream, lines.Table.LinesOf(lines.Source), Core.Customers.CustomerLineLabels.Of(lines.Table, customerLabels.AsSpan()), Names, _includeContact));
    }

    private Task ExportProfilesCsvAsync() =>
        DownloadAsync(Stem + "-profiles.csv", "text/csv", stream => ProfileExport.WriteCsv(stream, VisibleProfiles(), Result.Explanation));

    private Task ExportProfilesJsonAsync() =>
        DownloadAsync(Stem + "-profiles.json", "application/json", stream => ProfileExport.WriteJson(stream, VisibleProfiles(), Result.Explanation));

    private Task ExportReportAsync()
    {
        var title = string.IsNullOrWhiteSpace(Title) ? Result.Dataset.Name : Title;
        var result = Result with { Profiles = VisibleProfiles() };
        return DownloadAsync(HtmlReport.FileName(title), "text/html", stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(HtmlReport.Build(title, result, Plotly.Text, DateTimeOffset.UtcNow, Warning));
        });
    }

    private Task ExportIdsAsync()
    {
        var labels = RowLabels ?? Result.RowLabels;
        return Identifier is not { } identifier
            ? Task.CompletedTask
            : DownloadAsync(Stem + "-customer-ids.csv", "text/csv", stream => CustomerIdExport.WriteCsv(stream, Result.Dataset, labels, Names, identifier));
    }

    private async Task DownloadAsync(string fileName, string contentType, Action<Stream> write)
    {
        _busy = true;
        _error = null;
        try
        {
            var buffer = new MemoryStream();
            await Task.Run(() => write(buffer));
            buffer.Position = 0;
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
            using var stream = new DotNetStreamReference(buffer);
            await module.InvokeVoidAsync("downloadFromStream", fileName, contentType, stream);
        }
        catch (JSDisconnectedException)
        {
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or JSException)
        {
            Logger.LogWarning(ex, "Export {FileName} failed.", fileName);
            _error = $"{fileName} could not be created: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }
}
