using System.Collections.Concurrent;
using System.Globalization;
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

    private readonly ConcurrentDictionary<string, SegmentationResult> _results = new(StringComparer.Ordinal);

    public int Count => _results.Count;

    /// <summary>Whether <paramref name="dataset"/> is the sample and the result of <paramref name="request"/> is cached.</summary>
    public bool Contains(Dataset dataset, Dataset sample, SegmentationRequest request) =>
        ReferenceEquals(dataset, sample) && _results.ContainsKey(Key(request));

    /// <summary>The cached result for the sample and this request, else runs <paramref name="run"/> (and caches it for the sample).</summary>
    public async Task<SegmentationResult> GetOrRunAsync(Dataset dataset, Dataset sample, SegmentationRequest request, Func<Task<SegmentationResult>> run)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        if (!ReferenceEquals(dataset, sample))
        {
            return await run();
        }

        var key = Key(request);
        if (_results.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = await run();
        if (_results.Count >= Capacity)
        {
            _results.Clear();
        }

        _results[key] = result;
        return result;
    }

    /// <summary>Every field of the request by value (the feature list by content, not by array identity).</summary>
    public static string Key(SegmentationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Join(
            '|',
            string.Join('\u001f', request.Features),
            request.Algorithm,
            request.ClusterCount?.ToString(CultureInfo.InvariantCulture) ?? "auto",
            request.Linkage,
            request.Eps.ToString("R", CultureInfo.InvariantCulture),
            request.MinSamples.ToString(CultureInfo.InvariantCulture),
            request.Scaling,
            request.Missing,
            request.Seed.ToString(CultureInfo.InvariantCulture),
            request.Restarts.ToString(CultureInfo.InvariantCulture),
            request.IncludeSweep,
            request.IncludeStability,
            request.Gamma?.ToString("R", CultureInfo.InvariantCulture) ?? "default");
    }
}
