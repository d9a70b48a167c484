using System.Collections.Concurrent;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Storage;

/// <summary>
/// Saves and reopens analyses for the UI and the API. Reopening re-runs the saved settings on the
/// saved dataset (deterministic for the seed) to rebuild every chart, checks the labels equal the
/// saved ones and applies the saved segment names. A few reopened runs are kept in memory, so a
/// shared link opened by several reviewers computes once.
/// </summary>
public sealed class AnalysisLibrary
{
    /// <summary>Reopened runs kept in memory (results of large files are large).</summary>
    public const int CacheCapacity = 6;

    private readonly ConcurrentDictionary<string, Lazy<Task<OpenedAnalysis?>>> _opened = new(StringComparer.Ordinal);
    private readonly SegmentationService _service;

    public AnalysisLibrary(AnalysisStore store, SegmentationService service)
    {
        Store = store;
        _service = service;
    }

    public AnalysisStore Store { get; }

    /// <summary>Saves <paramref name="result"/> with the segment names as shown (indexed by segment id).</summary>
    public Task<string> SaveAsync(string name, SegmentationResult result, IReadOnlyList<string> segmentNames, CancellationToken cancellationToken = default) =>
        Store.SaveAsync(name, result, segmentNames, cancellationToken);

    /// <summary>The segment names of a result for saving: <paramref name="nameOf"/> for every id 0..k-1.</summary>
    public static string[] NamesFor(SegmentationResult result, Func<int, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(nameOf);
        return Enumerable.Range(0, result.ClusterCount).Select(nameOf).ToArray();
    }

    /// <summary>The saved analysis reopened, or null when no analysis has that id.</summary>
    public async Task<OpenedAnalysis?> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var lazy = _opened.GetOrAdd(id, key => new Lazy<Task<OpenedAnalysis?>>(() => ReopenAsync(key)));
        try
        {
            var opened = await lazy.Value.WaitAsync(cancellationToken);
            if (opened is null)
            {
                _opened.TryRemove(new KeyValuePair<string, Lazy<Task<OpenedAnalysis?>>>(id, lazy));
            }

            return opened;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _opened.TryRemove(new KeyValuePair<string, Lazy<Task<OpenedAnalysis?>>>(id, lazy));
            throw;
        }
    }

    public async Task<bool> RenameAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        var renamed = await Store.RenameAsync(id, name, cancellationToken);
        _opened.TryRemove(id, out _);
        return renamed;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await Store.DeleteAsync(id, cancellationToken);
        _opened.TryRemove(id, out _);
        return deleted;
    }

    private async Task<OpenedAnalysis?> ReopenAsync(string id)
    {
        // Not tied to the first caller's token: the work is shared by everyone who opens the link.
        var saved = await Store.GetAsync(id);
        if (saved is null)
        {
            return null;
        }

        if (_opened.Count > CacheCapacity)
        {
            foreach (var key in _opened.Keys.Where(k => k != id).Take(_opened.Count - CacheCapacity))
            {
                _opened.TryRemove(key, out _);
            }
        }

        var rerun = await _service.SegmentAsync(saved.Dataset, saved.Request);
        var labelsMatch = rerun.RowLabels.AsSpan().SequenceEqual(saved.RowLabels.AsSpan());
        var names = saved.SegmentNames.Length >= rerun.ClusterCount
            ? saved.SegmentNames
            : [.. saved.SegmentNames, .. Enumerable.Range(saved.SegmentNames.Length, rerun.ClusterCount - saved.SegmentNames.Length).Select(i => $"Segment {i + 1}")];
        return new OpenedAnalysis(saved.Summary, rerun, saved.RowLabels, names, labelsMatch);
    }
}
