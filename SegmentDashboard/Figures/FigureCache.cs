using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Figures;

/// <summary>
/// Figures built once per dataset and key, on the thread pool (never on a circuit's render thread),
/// and kept while the dataset object lives: a tab visited again, or the same view in another
/// browser tab on the shared built-in sample, shows them without rebuilding. Entries hang off the
/// immutable <see cref="Dataset"/> object itself (a weak table), so a user's figures can only be
/// reached with that user's dataset and go with it when its circuit closes. Bounded per dataset.
/// </summary>
public sealed class FigureCache
{
    /// <summary>Figures kept per dataset before its entries start over (each k change makes new ones).</summary>
    public const int MaxFiguresPerDataset = 48;

    private readonly ConditionalWeakTable<Dataset, ConcurrentDictionary<FigureKey, Lazy<Task<PlotlyFigure>>>> _figures = [];

    /// <summary>
    /// The figure for <paramref name="request"/> on <paramref name="dataset"/>: a finished task when it
    /// was built before, else the running build (started once, however many callers ask).
    /// A failed build is forgotten, so the next request tries again.
    /// </summary>
    public Task<PlotlyFigure> GetAsync(Dataset dataset, FigureRequest request)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        var figures = _figures.GetValue(dataset, _ => new ConcurrentDictionary<FigureKey, Lazy<Task<PlotlyFigure>>>());
        if (figures.Count >= MaxFiguresPerDataset && !figures.ContainsKey(request.Key))
        {
            figures.Clear();
        }

        if (figures.TryGetValue(request.Key, out var failed) && failed.IsValueCreated && (failed.Value.IsFaulted || failed.Value.IsCanceled))
        {
            figures.TryRemove(KeyValuePair.Create(request.Key, failed));
        }

        return figures.GetOrAdd(request.Key, _ => new Lazy<Task<PlotlyFigure>>(() => Task.Run(request.Build))).Value;
    }
}
