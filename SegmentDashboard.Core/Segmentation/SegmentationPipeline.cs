using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Explain;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Projection;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>One run of <see cref="SegmentationService.SegmentAsync"/>, stage by stage, on the calling (pool) thread.</summary>
internal sealed class SegmentationPipeline
{
    private const string Prepare = "Preparing features";
    private const string ChooseK = "Choosing k";
    private const string Cluster = "Clustering";
    private const string Measure = "Measuring quality";
    private const string Project = "Projecting (PCA)";
    private const string Profile = "Profiling segments";
    private const string Sweep = "Comparing k (sweep)";
    private const string Stabilize = "Checking stability";

    private readonly Dataset _dataset;
    private readonly SegmentationRequest _request;
    private readonly SegmentationLimits _limits;
    private readonly CancellationToken _ct;
    private readonly StageProgress _progress;
    private ClusterRunner? _runner;
    private ClusteringPlan? _plan;
    private MixedFeatureLayout? _layout;
    private double _gamma;

    public SegmentationPipeline(
        Dataset dataset,
        SegmentationRequest request,
        SegmentationLimits limits,
        IProgress<SegmentationProgress>? progress,
        CancellationToken ct,
        bool sweepOnly = false)
    {
        _dataset = dataset;
        _request = request;
        _limits = limits;
        _ct = ct;
        if (sweepOnly)
        {
            _progress = new StageProgress(progress, [(Prepare, 1), (Sweep, 10)]);
            return;
        }

        var sweepFirst = request.ClusterCount is null && request.Algorithm != ClusteringAlgorithm.Dbscan;
        var stages = new List<(string, double)> { (Prepare, 1) };
        if (sweepFirst)
        {
            stages.Add((ChooseK, 4));
        }

        stages.AddRange([(Cluster, 3), (Measure, 2), (Project, 0.5), (Profile, 0.5)]);
        if (request.IncludeSweep && !sweepFirst)
        {
            stages.Add((Sweep, 4));
        }

        if (request.IncludeStability)
        {
            stages.Add((Stabilize, 4));
        }

        _progress = new StageProgress(progress, stages);
    }

    /// <summary>Only the preparation and the k-sweep (for <see cref="SegmentationService.SweepAsync"/>).</summary>
    public KSweepResult RunSweepOnly()
    {
        var prepared = PrepareData();
        var x = prepared.Matrix;
        PlanFor(prepared);
        if (x.Rows < 3)
        {
            throw OptionErrors.Invalid(
                $"Only {x.Rows} rows are left, too few to compare values of k; the sweep needs at least 3.",
                nameof(SegmentationRequest.Features));
        }

        return RunSweep(x, Sweep);
    }

    public SegmentationResult Run()
    {
        var prepared = PrepareData();
        var x = prepared.Matrix;
        var plan = PlanFor(prepared);
        var runner = _runner!;

        KSweepResult? sweep = null;
        var k = 0;
        if (_request.Algorithm != ClusteringAlgorithm.Dbscan)
        {
            if (_request.ClusterCount is { } asked)
            {
                k = asked;
                CheckEnoughRows(k, prepared);
            }
            else
            {
                if (x.Rows < 3)
                {
                    throw OptionErrors.Invalid(
                        $"Only {x.Rows} rows are left, too few to choose k; segmenting needs at least 3.",
                        nameof(SegmentationRequest.ClusterCount));
                }

                sweep = RunSweep(x, ChooseK);
                k = sweep.SuggestedK;
            }
        }

        _ct.ThrowIfCancellationRequested();
        _progress.Report(Cluster, 0);
        var run = runner.Run(x, k, _progress.For<ClusteringProgress>(Cluster, p => p.Fraction), allowAllNoise: false, _ct);
        var labels = run.Labels;
        var clusterCount = ClusterLabels.Count(labels.AsSpan());
        _progress.Report(Cluster, 1);

        _ct.ThrowIfCancellationRequested();
        _progress.Report(Measure, 0);
        var notes = new List<string>();
        if (run.Note is not null)
        {
            notes.Add(run.Note);
        }

        // The silhouette needs at least 2 segments and fewer segments than customers.
        var labelled = labels.Count(label => label >= 0);
        var gower = plan.Distance == DistanceMeasure.Gower;
        var silhouette = clusterCount >= 2 && clusterCount < labelled
            ? gower
                ? GowerSilhouette.Compute(_layout!.ToMixedData(x), labels.AsSpan(), Math.Min(_limits.ExactSilhouetteRows, GowerSilhouette.MaxExactRows), _request.Seed, _ct)
                : Silhouette.ComputeWithReference(x, labels.AsSpan(), _limits.ExactSilhouetteRows, _limits.SilhouetteReferenceRows, _request.Seed, _ct)
            : new SilhouetteResult(double.NaN, [], [], false, 0, 0);
        if (silhouette.IsSampled)
        {
            var against = !gower && labelled > 2L * _limits.SilhouetteReferenceRows
                ? string.Create(CultureInfo.InvariantCulture, $", each measured against a stratified reference sample of about {_limits.SilhouetteReferenceRows:N0} customers")
                : string.Empty;
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The silhouette is estimated from a sample of {silhouette.SampleSize:N0} customers{against} (standard error {silhouette.StandardError:0.000})."));
        }

        _progress.Report(Measure, 0.7);
        var inertia = ClusterMetrics.Inertia(x, labels.AsSpan());
        var calinski = ClusterMetrics.CalinskiHarabasz(x, labels.AsSpan());
        var davies = ClusterMetrics.DaviesBouldin(x, labels.AsSpan());
        _progress.Report(Measure, 1);

        _ct.ThrowIfCancellationRequested();
        _progress.Report(Project, 0);
        var projection = Pca.Fit(x, Math.Min(2, x.Columns), _ct);
        var centroids = Centroids(x, labels, clusterCount);
        _progress.Report(Project, 1);

        _ct.ThrowIfCancellationRequested();
        _progress.Report(Profile, 0);
        var rowLabels = Enumerable.Repeat(-1, _dataset.RowCount).ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            rowLabels[prepared.SourceRows[i]] = labels[i];
        }

        // The explanation (a decision tree over every customer) needs only the row labels, so it
        // runs beside the profiles, the k-sweep and the stability check, which leave a core idle
        // part of the time. It stops with the run's token; its cost is bounded by its row limit.
        var explaining = Task.Run(() => SegmentationExplanations.For(_dataset, prepared, rowLabels, _ct), _ct);
        var sourceColumns = prepared.Features.Select(f => f.SourceColumn).Distinct(StringComparer.Ordinal).ToList();
        var profiles = SegmentProfiler.Build(_dataset, rowLabels, sourceColumns);
        _progress.Report(Profile, 1);

        if (_request.IncludeSweep && sweep is null && x.Rows >= 3 && _request.Algorithm != ClusteringAlgorithm.Dbscan)
        {
            _ct.ThrowIfCancellationRequested();
            sweep = RunSweep(x, Sweep);
        }

        if (sweep is not null && _request.Algorithm == ClusteringAlgorithm.KPrototypes)
        {
            notes.Add("The k-sweep (elbow and silhouette by k, and the suggested k) is K-means on the encoded, scaled features (categories one-hot), as for every algorithm; k-prototypes then runs with the chosen k.");
        }

        if (sweep is not null && plan.SweepSampleRows is { } sweepSample)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The k-sweep (elbow and silhouette by k) ran on a random sample of {sweepSample:N0} of the {x.Rows:N0} customers."));
        }

        var stability = double.NaN;
        // Resamples hold 80% of the rows: each must still have more rows than segments.
        var resampleRows = (int)(0.8 * x.Rows);
        if (_request.IncludeStability && clusterCount >= 2 && (k == 0 || resampleRows > k))
        {
            _ct.ThrowIfCancellationRequested();
            _progress.Report(Stabilize, 0);
            var (stabilityX, stabilityLabels) = (x, labels);
            if (plan.StabilitySampleRows is { } stabilityRows)
            {
                // Large data: resample from a seeded sample of rows, compared with their full-data labels,
                // re-clustered on the main run's path (the runner follows the plan, not the sample's size).
                var rows = SampleRows(x.Rows, stabilityRows, _request.Seed);
                stabilityX = x.SelectRows(rows);
                stabilityLabels = [.. rows.Select(row => labels[row])];
                notes.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Stability re-clusters 80% resamples of a random sample of {stabilityRows:N0} customers, on the same path as the main run, and compares them with those customers' segments."));
            }

            stability = Stability.Compute(
                stabilityX,
                stabilityLabels,
                (sample, ct) => runner.Run(sample, k, null, allowAllNoise: true, ct).Labels,
                seed: _request.Seed,
                cancellationToken: _ct).Score;
            _progress.Report(Stabilize, 1);
        }

        var noiseShare = x.Rows == 0 ? 0 : (double)labels.Count(label => label < 0) / x.Rows;
        KDistanceCurve? kDistance = null;
        ImmutableArray<EpsSweepPoint> epsSweep = [];
        if (_request.Algorithm == ClusteringAlgorithm.Dbscan && x.Rows >= 2)
        {
            _ct.ThrowIfCancellationRequested();
            kDistance = KDistanceCurve.Compute(x, _request.MinSamples, _request.Seed, _ct);
            if (_request.IncludeSweep)
            {
                // The eps sweep runs on the k-sweep's sample size; min samples scales with the sample so densities compare.
                var sweepX = x;
                var minSamples = _request.MinSamples;
                if (x.Rows > _limits.SweepRows)
                {
                    sweepX = x.SelectRows(SampleRows(x.Rows, _limits.SweepRows, _request.Seed));
                    minSamples = Math.Max(1, (int)Math.Round(minSamples * (double)_limits.SweepRows / x.Rows));
                }

                epsSweep = EpsSweep.Run(sweepX, minSamples, kDistance.SuggestedEps, _request.Eps, _ct);
            }
        }

        if (noiseShare > 0)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{noiseShare:P0} of the customers are noise; the silhouette, Calinski-Harabasz and Davies-Bouldin figures measure only the {labelled:N0} customers in segments."));
        }

        var effectiveKMessage = EffectiveKMessage(k, clusterCount, x);
        if (effectiveKMessage is not null)
        {
            notes.Add(effectiveKMessage);
        }

        var metrics = new SegmentationMetrics(inertia, silhouette.Score, calinski, davies, stability);
        var result = new SegmentationResult(
            _dataset,
            _request,
            prepared,
            labels,
            [.. rowLabels],
            clusterCount,
            metrics,
            silhouette,
            projection,
            centroids,
            run.Dendrogram,
            sweep,
            profiles,
            notes.Count == 0 ? null : string.Join(" ", notes))
        {
            Plan = plan,
            Distance = gower ? "gower" : "euclidean",
            Gamma = _request.Algorithm == ClusteringAlgorithm.KPrototypes ? _gamma : null,
            RequestedK = _request.Algorithm == ClusteringAlgorithm.Dbscan ? null : _request.ClusterCount,
            EffectiveKMessage = effectiveKMessage,
            NoiseShare = noiseShare,
            SuggestedEps = kDistance?.SuggestedEps,
            KDistance = kDistance,
            EpsSweep = epsSweep,
        };
        return result with { Explanation = explaining.GetAwaiter().GetResult() };
    }

    /// <summary>A sentence when fewer segments exist than k (e.g. fewer distinct customers than k), else null.</summary>
    private static string? EffectiveKMessage(int k, int clusterCount, FeatureMatrix x)
    {
        if (k == 0)
        {
            return null;
        }

        var distinct = DistinctRows(x, k);
        if (clusterCount >= k && distinct >= k)
        {
            return null;
        }

        return distinct < k
            ? string.Create(CultureInfo.InvariantCulture, $"k = {k} was asked for, but the data has only {distinct:N0} distinct customers (identical feature values), so only {Math.Min(clusterCount, distinct):N0} segments are meaningful; {clusterCount:N0} were formed.")
            : string.Create(CultureInfo.InvariantCulture, $"k = {k} was asked for, but only {clusterCount:N0} segments could be formed.");
    }

    /// <summary>Number of distinct rows, counting at most up to <paramref name="atLeast"/> (enough to know whether k is reachable).</summary>
    private static int DistinctRows(FeatureMatrix x, int atLeast)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < x.Rows && seen.Count < atLeast; i++)
        {
            seen.Add(string.Join(',', x.Row(i).ToArray().Select(v => BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture))));
        }

        return seen.Count;
    }

    /// <summary>Chooses the one plan for this matrix (refused plans throw with their reason) and the runner that follows it.</summary>
    private ClusteringPlan PlanFor(PreparedData prepared)
    {
        var x = prepared.Matrix;
        var layout = MixedFeatureLayout.Of(_dataset, prepared);
        var plan = ClusteringPlanner.Choose(_request, x.Rows, x.Columns, _limits, layout);
        if (plan.Path == ClusteringPath.Refused)
        {
            throw OptionErrors.Invalid(plan.Reason, nameof(SegmentationRequest.Features));
        }

        // Huang's default gamma comes from the numeric spread of all rows, once, so resamples and the sweep share it.
        var gamma = _request.Algorithm == ClusteringAlgorithm.KPrototypes
            ? _request.Gamma ?? KPrototypes.DefaultGamma(layout.ToMixedData(x))
            : 1.0;
        _plan = plan;
        _layout = layout;
        _gamma = gamma;
        _runner = new ClusterRunner(_request, _limits, plan, layout, gamma);
        return plan;
    }

    private PreparedData PrepareData()
    {
        _ct.ThrowIfCancellationRequested();
        _progress.Report(Prepare, 0);
        var prepared = Preprocessor.Prepare(_dataset, new PreprocessingOptions(_request.Features.IsDefault ? [] : _request.Features)
        {
            Missing = _request.Missing,
            Scaling = _request.Scaling,
        });
        MatrixGuard.RequireClusterable(prepared, _dataset);
        _progress.Report(Prepare, 1);
        return prepared;
    }

    private KSweepResult RunSweep(FeatureMatrix x, string stage)
    {
        _progress.Report(stage, 0);
        var rows = x.Rows;
        if (_plan!.SweepSampleRows is { } sweepRows)
        {
            // Large data: the sweep compares k on a seeded random sample; the chosen k is fitted on every row.
            x = x.SelectRows(SampleRows(rows, sweepRows, _request.Seed));
        }

        var options = new KSweepOptions
        {
            MinK = 2,
            MaxK = Math.Min(_limits.MaxClusterCount, x.Rows - 1),
            Seed = _request.Seed,
        };
        var result = KSweep.Run(
            x,
            options,
            (k, ct) => _runner!.KMeansLabels(x, k, ct),
            _progress.For<double>(stage, fraction => fraction),
            _ct);
        _progress.Report(stage, 1);
        if (x.Rows < rows)
        {
            result = result with
            {
                Reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{result.Reason} (The sweep ran on a random sample of {x.Rows:N0} of the {rows:N0} customers.)"),
            };
        }

        return result;
    }

    /// <summary>A seeded uniform sample of <paramref name="count"/> of <paramref name="rows"/> row indices, sorted.</summary>
    internal static int[] SampleRows(int rows, int count, int seed) => RowSample.Draw(rows, count, seed);

    private static void CheckEnoughRows(int k, PreparedData prepared)
    {
        var rows = prepared.Matrix.Rows;
        if (k <= rows)
        {
            return;
        }

        var where = prepared.DroppedRows > 0 ? "left after dropping missing values" : "in the data";
        throw OptionErrors.Invalid(
            string.Create(CultureInfo.InvariantCulture, $"k = {k} is more than the {rows:N0} rows {where}. Choose a smaller k."),
            nameof(SegmentationRequest.ClusterCount));
    }

    /// <summary>Segment means of the scaled rows (one row per segment, in label order).</summary>
    internal static FeatureMatrix Centroids(FeatureMatrix x, ImmutableArray<int> labels, int clusterCount)
    {
        var sums = new double[clusterCount * x.Columns];
        var counts = new int[clusterCount];
        for (var i = 0; i < x.Rows; i++)
        {
            var label = labels[i];
            if (label < 0)
            {
                continue;
            }

            counts[label]++;
            var row = x.Row(i);
            for (var j = 0; j < row.Length; j++)
            {
                sums[(label * x.Columns) + j] += row[j];
            }
        }

        for (var c = 0; c < clusterCount; c++)
        {
            for (var j = 0; j < x.Columns; j++)
            {
                sums[(c * x.Columns) + j] /= Math.Max(1, counts[c]);
            }
        }

        return FeatureMatrix.Wrap(sums, clusterCount, x.Columns, x.ColumnNames);
    }
}
