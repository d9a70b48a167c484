using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.State;

/// <summary>
/// One circuit's dashboard: the dataset, the user's settings, the latest result, errors and status.
/// Scoped per circuit (never a singleton: users must not see each other's data). Changing a
/// setting recomputes after a short debounce, cancelling the previous run; the CPU work runs on the
/// thread pool and <see cref="Changed"/> is raised (throttled during progress) so components can
/// <c>InvokeAsync(StateHasChanged)</c>.
/// </summary>
public sealed class DashboardState : IDisposable
{
    /// <summary>
    /// How long settings must stay unchanged before a run starts: long enough to merge the input
    /// events of one slider drag step or a double-click, short enough not to show in a k change's
    /// latency. A newer change cancels a run anyway; the debounce only saves starting one.
    /// </summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly SegmentationService _service;
    private readonly SampleResultCache _sampleResults;
    private readonly ILogger<DashboardState> _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _runCts;
    private long _runVersion;
    private KSweepResult? _sweep;
    private SweepKey? _sweepKey;
    private long _lastProgressTicks;
    private ImmutableDictionary<int, string> _segmentNames = ImmutableDictionary<int, string>.Empty;
    private bool _started;

    public DashboardState(SegmentationService service, SampleResultCache sampleResults, ILogger<DashboardState> logger)
    {
        _service = service;
        _sampleResults = sampleResults;
        _logger = logger;
    }

    /// <summary>Raised after any change; may be raised on a thread-pool thread.</summary>
    public event Action? Changed;

    public Dataset? Dataset { get; private set; }

    public ImmutableArray<ColumnSummary> Summaries { get; private set; } = ImmutableArray<ColumnSummary>.Empty;

    public SegmentationSettings Settings { get; private set; } = new(ImmutableArray<string>.Empty);

    /// <summary>The latest finished result (for <see cref="ResultSettings"/>; may lag while computing).</summary>
    public SegmentationResult? Result { get; private set; }

    public SegmentationSettings? ResultSettings { get; private set; }

    public DashboardStatus Status { get; private set; } = DashboardStatus.Starting;

    /// <summary>Why the last file could not be loaded or a column could not be converted; null when fine.</summary>
    public string? LoadError { get; private set; }

    /// <summary>Why the last segmentation failed; null when fine.</summary>
    public string? SegmentationError { get; private set; }

    /// <summary>A note that is not an error (e.g. values lost by a kind conversion).</summary>
    public string? Notice { get; private set; }

    public string ProgressStage { get; private set; } = string.Empty;

    /// <summary>Fraction in [0, 1] of the running computation.</summary>
    public double Progress { get; private set; }

    /// <summary>The k-sweep of the result: its own, or the previous one when only k changed.</summary>
    public KSweepResult? Sweep => Result?.Sweep ?? (ResultSettings is not null && ResultSettings.ToSweepKey() == _sweepKey ? _sweep : null);

    public bool IsReady => Status == DashboardStatus.Ready;

    /// <summary>Increases with every scheduled run: lets a browser test wait for the run its change started.</summary>
    public long RunVersion => Interlocked.Read(ref _runVersion);

    /// <summary>The largest k the user may choose: the engine's configured Segmentation:MaxClusterCount (use this, not a constant).</summary>
    public int MaxClusterCount => _service.Limits.MaxClusterCount;

    /// <summary>The k shown in the k input: the user's choice, else the result's.</summary>
    public int DisplayedClusterCount => Settings.ClusterCount ?? Result?.ClusterCount ?? 4;

    /// <summary>Loads the built-in sample and segments it, once per circuit.</summary>
    public void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        try
        {
            UseDataset(_service.Sample());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "The built-in sample could not be loaded.");
            LoadError = "The built-in sample could not be loaded: " + ex.Message;
            Status = DashboardStatus.Failed;
            Notify();
        }
    }

    /// <summary>Marks a file load in progress (the current dataset stays usable).</summary>
    public void BeginLoading(string stage, double fraction)
    {
        Status = DashboardStatus.Loading;
        ProgressStage = stage;
        Progress = fraction;
        NotifyProgress();
    }

    /// <summary>A load failed: the message is shown, the previous dataset and result stay.</summary>
    public void FailLoading(string message)
    {
        LoadError = message;
        Status = Dataset is null ? DashboardStatus.Failed : StatusForCurrentResult();
        Notify();
    }

    public void DismissErrors()
    {
        LoadError = null;
        Notice = null;
        Notify();
    }

    /// <summary>Makes <paramref name="dataset"/> current with its default features and segments it.</summary>
    public void UseDataset(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        Summaries = ColumnSummaries.Summarize(dataset);
        LoadError = null;
        Notice = null;
        SegmentationError = null;
        Result = null;
        ResultSettings = null;
        _segmentNames = ImmutableDictionary<int, string>.Empty;
        Settings = new SegmentationSettings(DefaultFeatures(dataset)) { Seed = Settings.Seed };
        ScheduleRun(TimeSpan.Zero);
    }

    /// <summary>Applies new settings; recomputes after <see cref="Debounce"/> when they differ.</summary>
    public void UpdateSettings(SegmentationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Equals(Settings) && Status != DashboardStatus.Failed)
        {
            return;
        }

        Settings = settings;
        // Nothing to compute (a demo's k change on the warmed sample): no reason to wait.
        var cached = Dataset is { } dataset && _sampleResults.Contains(dataset, _service.Sample(), FinalRequest(settings));
        ScheduleRun(cached ? TimeSpan.Zero : Debounce);
    }

    public void SetFeatureIncluded(string column, bool included)
    {
        var features = Settings.Features.Remove(column);
        if (included && Dataset is not null)
        {
            // Keep the dataset's column order so requests (and their caches) are stable.
            features = Dataset.Columns.Select(c => c.Name).Where(n => n == column || features.Contains(n)).ToImmutableArray();
        }

        UpdateSettings(Settings with { Features = features });
    }

    /// <summary>Re-reads a column as another kind; returns false (and sets <see cref="LoadError"/>) when that fails.</summary>
    public bool ChangeColumnKind(string column, ColumnKind kind)
    {
        if (Dataset is null || Dataset.Find(column) is not { } current || current.Kind == kind)
        {
            return false;
        }

        try
        {
            var (converted, message) = ColumnConversion.Convert(current, kind);
            var dataset = Dataset.WithColumn(converted);
            Dataset = dataset;
            Summaries = ColumnSummaries.Summarize(dataset);
            Notice = message;
            LoadError = null;
            var usable = DefaultFeatures(dataset);
            var features = Settings.Features.Where(f => f != column || usable.Contains(f)).ToImmutableArray();
            Settings = Settings with { Features = features };
            ScheduleRun(TimeSpan.Zero);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            LoadError = $"Column '{column}' cannot be read as {kind}: {ex.Message}";
            Notify();
            return false;
        }
    }

    /// <summary>The segment's name: the user's edit, else the profile's automatic name.</summary>
    public string SegmentName(int segmentId)
    {
        if (_segmentNames.TryGetValue(segmentId, out var name))
        {
            return name;
        }

        var profile = Result?.Profiles.FirstOrDefault(p => p.SegmentId == segmentId);
        return profile?.Name ?? Core.Segmentation.SegmentNames.Fallback(segmentId);
    }

    public void RenameSegment(int segmentId, string name)
    {
        var trimmed = name.Trim();
        _segmentNames = trimmed.Length == 0 ? _segmentNames.Remove(segmentId) : _segmentNames.SetItem(segmentId, trimmed);
        Notify();
    }

    /// <summary>Segment names by id for every profile of the result (edited names win).</summary>
    public IReadOnlyDictionary<int, string> SegmentNames() =>
        Result is null
            ? ImmutableDictionary<int, string>.Empty
            : Result.Profiles.ToImmutableDictionary(p => p.SegmentId, p => SegmentName(p.SegmentId));

    /// <summary>For component tests: a finished state without running the engine.</summary>
    internal void SetSnapshot(Dataset dataset, SegmentationSettings settings, SegmentationResult? result)
    {
        _started = true;
        Dataset = dataset;
        Summaries = ColumnSummaries.Summarize(dataset);
        Settings = settings;
        Result = result;
        ResultSettings = result is null ? null : settings;
        Status = result is null ? DashboardStatus.Computing : DashboardStatus.Ready;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _runCts?.Cancel();
            _runCts?.Dispose();
            _runCts = null;

            // The circuit is gone: drop the dataset and results now (a 1,000,000-row upload holds
            // hundreds of MB) rather than whenever the last closure over this state is collected.
            Dataset = null;
            Summaries = ImmutableArray<ColumnSummary>.Empty;
            Result = null;
            ResultSettings = null;
            _sweep = null;
            _sweepKey = null;
        }
    }

    private static ImmutableArray<string> DefaultFeatures(Dataset dataset) =>
        Preprocessor.DefaultFeatures(dataset).ToImmutableArray();

    private DashboardStatus StatusForCurrentResult() =>
        SegmentationError is not null ? DashboardStatus.Failed
        : Result is not null && Settings.Equals(ResultSettings) ? DashboardStatus.Ready
        : DashboardStatus.Computing;

    private void ScheduleRun(TimeSpan delay)
    {
        if (Dataset is not { } dataset)
        {
            return;
        }

        CancellationTokenSource cts;
        long version;
        lock (_gate)
        {
            _runCts?.Cancel();
            _runCts?.Dispose();
            cts = _runCts = new CancellationTokenSource();
            version = ++_runVersion;
        }

        Status = DashboardStatus.Computing;
        ProgressStage = "Waiting for changes to settle";
        Progress = 0;
        Notify();
        _ = RunAsync(dataset, Settings, delay, version, cts.Token);
    }

    /// <summary>
    /// One run for one version of the settings. When the k-sweep must be recomputed for a chosen k,
    /// a quick preview (no sweep, no stability) is shown first and the full result replaces it;
    /// the status says "ready" only once the full result is in.
    /// </summary>
    private async Task RunAsync(Dataset dataset, SegmentationSettings settings, TimeSpan delay, long version, CancellationToken ct)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct);
            }

            var sweepKey = settings.ToSweepKey();
            var progress = new RunProgress(this, version);
            if (settings.ClusterCount is not null && !SweepFits(settings))
            {
                var preview = await SegmentAsync(dataset, settings.ToRequest(includeSweep: false, includeStability: false), progress, ct);
                if (!Publish(preview, settings, sweepKey, version, final: false))
                {
                    return;
                }
            }

            var result = await SegmentAsync(dataset, FinalRequest(settings), progress, ct);
            Publish(result, settings, sweepKey, version, final: true);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A newer run replaced this one.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lock (_gate)
            {
                if (version != _runVersion)
                {
                    return;
                }

                if (ex is not ArgumentException)
                {
                    _logger.LogError(ex, "Segmentation failed.");
                }

                SegmentationError = ex is ArgumentException ? ex.Message : "Segmentation failed: " + ex.Message;
                Status = DashboardStatus.Failed;
            }

            Notify();
        }
    }

    /// <summary>The request whose result a run publishes as final: with the k-sweep unless the current sweep fits.</summary>
    private SegmentationRequest FinalRequest(SegmentationSettings settings) =>
        settings.ToRequest(includeSweep: !SweepFits(settings) || settings.ClusterCount is null);

    /// <summary>Whether the k-sweep already shown was computed for these settings' features, scaling, missing values and seed.</summary>
    private bool SweepFits(SegmentationSettings settings) => _sweep is not null && settings.ToSweepKey() == _sweepKey;

    private Task<SegmentationResult> SegmentAsync(Dataset dataset, SegmentationRequest request, RunProgress progress, CancellationToken ct) =>
        _sampleResults.GetOrRunAsync(dataset, _service.Sample(), request, () => Task.Run(() => _service.SegmentAsync(dataset, request, progress, ct), ct));

    /// <summary>Shows a result if its run is still the latest; false when a newer run replaced it.</summary>
    private bool Publish(SegmentationResult result, SegmentationSettings settings, SweepKey sweepKey, long version, bool final)
    {
        lock (_gate)
        {
            if (version != _runVersion)
            {
                return false;
            }

            if (result.Sweep is not null)
            {
                _sweep = result.Sweep;
                _sweepKey = sweepKey;
            }

            _segmentNames = ImmutableDictionary<int, string>.Empty;
            Result = result;
            ResultSettings = settings;
            SegmentationError = null;
            if (final)
            {
                Progress = 1;
                Status = DashboardStatus.Ready;
            }
            else
            {
                ProgressStage = "Scoring k = 2 to 15 and stability";
            }
        }

        Notify();
        return true;
    }

    private void Notify() => Changed?.Invoke();

    private void NotifyProgress()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastProgressTicks);
        if (now - last >= ProgressInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastProgressTicks, now, last) == last)
        {
            Notify();
        }
    }

    /// <summary>Progress sink of one run: ignored once a newer run started; throttled notifications.</summary>
    private sealed class RunProgress(DashboardState owner, long version) : IProgress<SegmentationProgress>
    {
        public void Report(SegmentationProgress value)
        {
            // Pool threads report: the version check and both writes happen under the state's lock,
            // so a stale run cannot overwrite a newer run's progress and the stage and fraction agree.
            lock (owner._gate)
            {
                if (Interlocked.Read(ref owner._runVersion) != version)
                {
                    return;
                }

                owner.ProgressStage = value.Stage;
                owner.Progress = value.Fraction;
            }

            owner.NotifyProgress();
        }
    }
}
