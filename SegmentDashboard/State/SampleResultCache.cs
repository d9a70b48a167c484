using System.Collections.Concurrent;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.State;

/// <summary>
/// Results for the built-in sample only, shared by every circuit so a demo opens already segmented
/// without recomputing. The sample is the same immutable dataset for everyone, so nothing of one
/// user's data can reach another: uploaded datasets are never cached. Bounded; cleared when full.
/// </summary>
public sealed class SampleResultCache
{
    public const int Capacity = 64;

    // Keyed on the request itself: SegmentationRequest compares every field by value (features by content).
    private readonly ConcurrentDictionary<SegmentationRequest, SegmentationResult> _results = new();

    public int Count => _results.Count;

    /// <summary>Whether <paramref name="dataset"/> is the sample and the result of <paramref name="request"/> is cached.</summary>
    public bool Contains(Dataset dataset, Dataset sample, SegmentationRequest request) =>
        ReferenceEquals(dataset, sample) && _results.ContainsKey(request);

    /// <summary>The cached result for the sample and this request, else runs <paramref name="run"/> (and caches it for the sample).</summary>
    public async Task<SegmentationResult> GetOrRunAsync(Dataset dataset, Dataset sample, SegmentationRequest request, Func<Task<SegmentationResult>> run)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        if (!ReferenceEquals(dataset, sample))
        {
            return await run();
        }

        if (_results.TryGetValue(request, out var cached))
        {
            return cached;
        }

        var result = await run();
        if (_results.Count >= Capacity)
        {
            _results.Clear();
        }

        _results[request] = result;
        return result;
    }
}
