using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Compare;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Pages;

/// <summary>Which segmentation the current one (A) is compared with.</summary>
public enum CompareSource
{
    Computed,
    Saved,
}

/// <summary>One row of the profile-shift table: a feature's mean in an A segment and in its matched B segment.</summary>
public sealed record ShiftRow(string NameA, string NameB, int SizeA, int SizeB, string Feature, double MeanA, double MeanB);

/// <summary>A finished comparison as the page shows it (A is the state's result it was computed from).</summary>
public sealed record CompareView(SegmentationResult A, string Label, RunComparison Comparison, PlotlyFigure Heatmap, PlotlyFigure Sankey, ImmutableArray<ShiftRow> Shift, Func<int, string> NameA, Func<int, string> NameB);

/// <summary>/compare: the current segmentation against another method / k (computed off the UI thread) or a saved analysis.</summary>
public sealed partial class ComparePage
{
    private CompareSource _source = CompareSource.Computed;
    private ClusteringAlgorithm _algorithm = ClusteringAlgorithm.KMeans;
    private int _k = 3;
    private string? _savedId;
    private IReadOnlyList<SavedAnalysisSummary> _saved = [];
    private Actor? _actor;
    private bool _running;
    private string? _error;
    private CompareView? _view;
    private CancellationTokenSource? _cts;

    [Inject]
    private SegmentationService Service { get; set; } = default!;

    [Inject]
    private OwnedAnalyses Analyses { get; set; } = default!;

    [Inject]
    private Auth.CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The profile shift of each A segment and its matched B segment: A's most distinguishing features, mean in A and in B.</summary>
    public static ImmutableArray<ShiftRow> ProfileShift(SegmentationResult a, SegmentationResult b, RunComparison comparison, Func<int, string> nameA, Func<int, string> nameB, int featuresPerSegment = 3)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(nameA);
        ArgumentNullException.ThrowIfNull(nameB);
        var rows = ImmutableArray.CreateBuilder<ShiftRow>();
        for (var i = 0; i < comparison.Contingency.RowLabels.Length; i++)
        {
            var labelA = comparison.Contingency.RowLabels[i];
            var labelB = comparison.Matches[i];
            var profileA = a.Profiles.FirstOrDefault(p => p.SegmentId == labelA);
            var profileB = b.Profiles.FirstOrDefault(p => p.SegmentId == labelB);
            if (profileA is null || profileB is null)
            {
                continue;
            }

            foreach (var trait in profileA.Traits.Take(featuresPerSegment))
            {
                var other = profileB.Traits.FirstOrDefault(t => t.Feature == trait.Feature);
                rows.Add(new ShiftRow(nameA(labelA), nameB(labelB), profileA.Size, profileB.Size, trait.Feature, trait.SegmentMean, other?.SegmentMean ?? double.NaN));
            }
        }

        return rows.ToImmutable();
    }

    protected override async Task OnInitializedAsync()
    {
        _k = State.Result?.ClusterCount is > 0 and var k ? Math.Clamp(k + 1, SegmentationRequest.MinClusterCount, State.MaxClusterCount) : 3;
        try
        {
            _actor = await CurrentActor.GetAsync();
            var rows = State.Result?.Dataset.RowCount ?? -1;
            _saved = _actor is null ? [] : (await Analyses.ListAsync(_actor)).Where(s => s.Rows == rows).ToArray();
        }
        catch (InvalidOperationException)
        {
            _saved = [];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cts?.Cancel();
            _cts?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Cancel() => _cts?.Cancel();

    private async Task CompareAsync()
    {
        if (State.Result is not { } a || State.ResultSettings is not { } settings)
        {
            return;
        }

        _cts?.Cancel();
        _cts?.Dispose();
        _cts = new CancellationTokenSource();
        var ct = _cts.Token;
        _running = true;
        _error = null;
        try
        {
            var names = State.SegmentNames();
            string NameA(int id) => names.TryGetValue(id, out var name) ? name : State.SegmentName(id);
            SegmentationResult b;
            Func<int, string> nameB;
            ImmutableArray<int> labelsB;
            string label;
            if (_source == CompareSource.Computed)
            {
                var request = settings with { Algorithm = _algorithm, ClusterCount = _k, IncludeSweep = false, IncludeStability = false };
                b = await Task.Run(() => Service.SegmentAsync(a.Dataset, request, cancellationToken: ct), ct);
                labelsB = b.RowLabels;
                nameB = id => b.Profiles.FirstOrDefault(p => p.SegmentId == id)?.Name ?? (id < 0 ? "Noise" : $"Segment {id + 1}");
                // DBSCAN finds its own number of segments (radius and minimum samples from the settings).
                label = _algorithm == ClusteringAlgorithm.Dbscan ? ChoiceLabels.Algorithm(_algorithm) : $"{ChoiceLabels.Algorithm(_algorithm)} with k = {_k}";
            }
            else
            {
                if (_actor is null || _savedId is null || await Analyses.OpenAsync(_actor, _savedId, ct) is not { } opened)
                {
                    _error = "Choose a saved analysis of the same customers.";
                    return;
                }

                if (opened.SavedLabels.Length != a.RowLabels.Length)
                {
                    _error = $"The saved analysis has {opened.SavedLabels.Length} rows, the current data {a.RowLabels.Length}: they are not the same customers.";
                    return;
                }

                b = opened.Result;
                labelsB = opened.SavedLabels;
                nameB = opened.SegmentName;
                label = $"the saved analysis “{opened.Summary.Name}”";
            }

            var comparison = await Task.Run(() => RunComparison.Of(a.RowLabels.AsSpan(), labelsB.AsSpan()), ct);
            _view = new CompareView(
                a,
                label,
                comparison,
                CompareFigures.ContingencyHeatmap(comparison, NameA, nameB),
                CompareFigures.Sankey(comparison, NameA, nameB),
                ProfileShift(a, b, comparison, NameA, nameB),
                NameA,
                nameB);
        }
        catch (OperationCanceledException)
        {
            _error = "Comparison cancelled.";
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _running = false;
        }
    }

    private async Task DownloadMovedAsync()
    {
        if (_view is not { } view)
        {
            return;
        }

        try
        {
            var buffer = new MemoryStream();
            await Task.Run(() => MovedCustomersCsv.Write(buffer, view.A.Dataset, view.Comparison.Moved, view.NameA, view.NameB));
            buffer.Position = 0;
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
            using var stream = new DotNetStreamReference(buffer);
            await module.InvokeVoidAsync("downloadFromStream", "moved-customers.csv", "text/csv", stream);
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
