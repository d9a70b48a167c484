using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Samples;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// The one facade the UI and the HTTP API call: load, segment, evaluate, profile. Stateless apart
/// from its limits; every long call takes a progress sink and a cancellation token, and a
/// cancelled run throws <see cref="OperationCanceledException"/>. Heavy work runs on the thread pool.
/// </summary>
public sealed class SegmentationService
{
    private static readonly Lazy<Dataset> SharedSample = new(() => SampleCustomers.Generate(), LazyThreadSafetyMode.ExecutionAndPublication);

    public SegmentationService(SegmentationLimits? limits = null)
    {
        Limits = limits ?? SegmentationLimits.Default;
    }

    public SegmentationLimits Limits { get; }

    /// <summary>Loads a CSV on the thread pool (see <see cref="CsvLoader.Load"/>); failures throw <see cref="CsvLoadException"/>.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the injected service's instance API.")]
    public Task<Dataset> LoadCsvAsync(
        Stream stream,
        string name,
        CsvLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return Task.Run(() => CsvLoader.Load(stream, name, options, progress, cancellationToken), cancellationToken);
    }

    /// <summary>The built-in sample dataset (generated once, then shared: it is immutable).</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the injected service's instance API.")]
    public Dataset Sample() => SharedSample.Value;

    /// <summary>
    /// Runs the whole pipeline. Bad parameters throw <see cref="InvalidInputException"/> whose
    /// ParamName is the request property (e.g. "ClusterCount") and whose message a person can act on.
    /// </summary>
    /// <remarks>
    /// Request checks that need no data (k range, eps, min samples, restarts, feature names) throw
    /// before this method returns; checks that need the prepared data (k larger than the rows left,
    /// DBSCAN finding no cluster) fault the returned task with the same kind of exception.
    /// Stages: prepare, (k-sweep first when ClusterCount is null), cluster, metrics, projection,
    /// profiles, k-sweep, stability. The k-sweep always uses K-means with the request's seed and
    /// restarts, whatever the algorithm (for DBSCAN it shows which k a centroid method would pick).
    /// </remarks>
    public Task<SegmentationResult> SegmentAsync(
        Dataset dataset,
        SegmentationRequest request,
        IProgress<SegmentationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        Validate(dataset, request);
        return Task.Run(() => new SegmentationPipeline(dataset, request, Limits, progress, cancellationToken).Run(), cancellationToken);
    }

    /// <summary>
    /// Only the k-sweep (K-means with the request's seed and restarts, k = 2 to
    /// <see cref="SegmentationLimits.MaxClusterCount"/>) on the request's features, scaling and
    /// missing-value strategy. The sweep does not depend on k or on the algorithm, so the UI can
    /// run it once per feature choice and call <see cref="SegmentAsync"/> with IncludeSweep = false
    /// while the user changes k. Validation as in <see cref="SegmentAsync"/>.
    /// </summary>
    public Task<KSweepResult> SweepAsync(
        Dataset dataset,
        SegmentationRequest request,
        IProgress<SegmentationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        Validate(dataset, request);
        return Task.Run(() => new SegmentationPipeline(dataset, request, Limits, progress, cancellationToken, sweepOnly: true).RunSweepOnly(), cancellationToken);
    }

    /// <summary>
    /// Applies a saved segmentation to new customers: each row of <paramref name="newData"/> is
    /// encoded and scaled exactly as the saved run's data was (same one-hot levels, "Other" for
    /// unseen levels, same centres and scales), then given the segment of the nearest centroid
    /// (<see cref="SegmentationResult.Centroids"/>). Missing values take the saved strategy's fill
    /// computed on the saved data; with drop-rows such a row gets -1. For a DBSCAN run every row gets
    /// its nearest segment (noise is not re-detected). Columns are matched by name; a missing column
    /// throws <see cref="ArgumentException"/> naming it.
    /// </summary>
    /// <returns>One segment id per row of <paramref name="newData"/>; -1 for a dropped row.</returns>
    public static ImmutableArray<int> AssignToSegments(SegmentationResult saved, Dataset newData)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(newData);
        return SegmentAssigner.Assign(saved, newData);
    }

    private void Validate(Dataset dataset, SegmentationRequest request)
    {
        if (dataset.RowCount == 0)
        {
            throw new InvalidInputException("The dataset has no rows to segment.", nameof(dataset));
        }

        if (!Enum.IsDefined(request.Algorithm))
        {
            throw Invalid(nameof(SegmentationRequest.Algorithm), $"Unknown algorithm {request.Algorithm}.");
        }

        if (!Enum.IsDefined(request.Linkage))
        {
            throw Invalid(nameof(SegmentationRequest.Linkage), $"Unknown linkage {request.Linkage}.");
        }

        if (!Enum.IsDefined(request.Scaling))
        {
            throw Invalid(nameof(SegmentationRequest.Scaling), $"Unknown scaling method {request.Scaling}.");
        }

        if (!Enum.IsDefined(request.Missing))
        {
            throw Invalid(nameof(SegmentationRequest.Missing), $"Unknown missing-value strategy {request.Missing}.");
        }

        if (request.Algorithm != ClusteringAlgorithm.Dbscan && request.ClusterCount is { } k &&
            (k < 2 || k > Limits.MaxClusterCount))
        {
            throw Invalid(
                nameof(SegmentationRequest.ClusterCount),
                $"k must be between 2 and {Limits.MaxClusterCount}; it is {k}. Leave it empty to use the k-sweep's suggestion.");
        }

        if (request.Gamma is { } gamma && !(gamma >= 0 && double.IsFinite(gamma)))
        {
            throw Invalid(
                nameof(SegmentationRequest.Gamma),
                $"Gamma must be a finite number of at least 0 (the weight of one differing category against squared distance on the scaled numbers); it is {gamma.ToString("G4", CultureInfo.InvariantCulture)}.");
        }

        if (request.Algorithm is ClusteringAlgorithm.KMeans or ClusteringAlgorithm.KPrototypes && request.Restarts is < 1 or > 100)
        {
            throw Invalid(nameof(SegmentationRequest.Restarts), $"Restarts must be between 1 and 100; it is {request.Restarts}.");
        }

        if (request.Algorithm == ClusteringAlgorithm.Dbscan)
        {
            if (!(request.Eps > 0) || !double.IsFinite(request.Eps))
            {
                throw Invalid(
                    nameof(SegmentationRequest.Eps),
                    $"Eps must be a positive number (a distance in scaled units, e.g. 0.5); it is {request.Eps.ToString("G4", CultureInfo.InvariantCulture)}.");
            }

            if (request.MinSamples < 1)
            {
                throw Invalid(nameof(SegmentationRequest.MinSamples), $"Min samples must be at least 1; it is {request.MinSamples}.");
            }
        }

        if (!request.Features.IsDefaultOrEmpty)
        {
            var unknown = request.Features.Where(name => dataset.Find(name) is null).Select(name => $"'{name}'").ToList();
            if (unknown.Count > 0)
            {
                throw Invalid(
                    nameof(SegmentationRequest.Features),
                    unknown.Count == 1
                        ? $"The dataset has no column named {unknown[0]}."
                        : $"The dataset has no columns named {string.Join(", ", unknown)}.");
            }
        }
    }

    private static InvalidInputException Invalid(string property, string message) => OptionErrors.Invalid(message, property);
}
