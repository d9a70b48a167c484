using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// The one facade the UI and the HTTP API call: load, segment, evaluate, profile. Stateless apart
/// from its limits; every long call takes a progress sink and a cancellation token, and a
/// cancelled run throws <see cref="OperationCanceledException"/>. Heavy work runs on the thread pool.
/// </summary>
public sealed class SegmentationService
{
    public SegmentationService(SegmentationLimits? limits = null)
    {
        Limits = limits ?? SegmentationLimits.Default;
    }

    public SegmentationLimits Limits { get; }

    public Task<Dataset> LoadCsvAsync(
        Stream stream,
        string name,
        CsvLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }

    /// <summary>The built-in sample dataset (generated once, then shared: it is immutable).</summary>
    public Dataset Sample()
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }

    /// <summary>
    /// Runs the whole pipeline. Bad parameters throw <see cref="ArgumentException"/> whose
    /// ParamName is the request property (e.g. "ClusterCount") and whose message a person can act on.
    /// </summary>
    public Task<SegmentationResult> SegmentAsync(
        Dataset dataset,
        SegmentationRequest request,
        IProgress<SegmentationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }
}
