using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.State;

/// <summary>
/// Runs one circuit's segmentations: debounce, cancellation of the previous run, the quick preview
/// before a full run, reuse of the k-sweep, and progress. Runs happen on the thread pool; every
/// write they make (progress, the outcome) happens under one lock after checking the run is still
/// the latest, and progress is one immutable <see cref="RunProgress"/> swapped whole, so a reader
/// on the renderer thread always sees a stage and a fraction of the same report.
/// </summary>
public sealed class RunScheduler : IDisposable
{
    /// <summary>
    /// How long settings must stay unchanged before a run starts: long enough to merge the input
    /// events of one slider drag step or a double-click, short enough not to show in a k change's
    /// latency. A newer change cancels a run anyway; the debounce only saves starting one.
    /// </summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    internal const string WaitingStage = "Waiting for changes to settle";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly SegmentationService _service;
    private readonly SampleResultCache _sampleResults;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _runCts;
    private long _version;
    private KSweepResult? _sweep;
    private SegmentationRequest? _sweepInputs;
    private RunProgress _progress = RunProgress.None;
    private long _lastProgressTicks;

    public RunScheduler(SegmentationService service, SampleResultCache sampleResults, ILogger logger)
    {
        _service = service;
        _sampleResults = sampleResults;
        _logger = logger;
    }

    /// <summary>Raised (throttled) when progress moved; may be raised on a thread-pool thread.</summary>
    public event Action? ProgressChanged;

    /// <summary>Raised after an outcome was handed to the view (outside the lock); may be raised on a thread-pool thread.</summary>
    public event Action? Published;

    /// <summary>Increases with every scheduled run: lets a browser test wait for the run its change started.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Stage and fraction of the latest report, read together.</summary>
    public RunProgress Progress => Volatile.Read(ref _progress);

    /// <summary>Shows a stage that is not a run (a file being read): replaces the run's progress.</summary>
    public void ShowProgress(string stage, double fraction)
    {
        Volatile.Write(ref _progress, new RunProgress(stage, fraction));
        RaiseProgressThrottled();
    }

    /// <summary>The k-sweep last computed, when it was computed for <paramref name="settings"/>' sweep inputs.</summary>
    public KSweepResult? SweepFor(SegmentationRequest settings)
    {
        lock (_gate)
        {
            return SweepFits(settings) ? _sweep : null;
        }
    }

    /// <summary>Whether the final result for <paramref name="settings"/> on <paramref name="dataset"/> is already cached (nothing to wait for).</summary>
    public bool IsCached(Dataset dataset, SegmentationRequest settings) =>
        _sampleResults.Contains(dataset, _service.Sample(), FinalRequest(settings));

    /// <summary>
    /// Cancels the running run and starts one for <paramref name="settings"/> after <paramref name="delay"/>.
    /// <paramref name="publish"/> receives each outcome of this run (a preview, the final result or the
    /// failure) under the scheduler's lock, only while this run is the latest; it must only store it.
    /// </summary>
    /// <returns>The run's version.</returns>
    public long Schedule(Dataset dataset, SegmentationRequest settings, TimeSpan delay, Action<RunOutcome> publish)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publish);
        CancellationTokenSource cts;
        long version;
        lock (_gate)
        {
            _runCts?.Cancel();
            _runCts?.Dispose();
            cts = _runCts = new CancellationTokenSource();
            version = Interlocked.Increment(ref _version);
            Volatile.Write(ref _progress, new RunProgress(WaitingStage, 0));
        }

        _ = RunAsync(dataset, settings, delay, version, publish, cts.Token);
        return version;
    }

    /// <summary>Cancels the running run and forgets the sweep (the circuit is gone).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _runCts?.Cancel();
            _runCts?.Dispose();
            _runCts = null;
            _sweep = null;
            _sweepInputs = null;
        }
    }

    /// <summary>
    /// One run for one version of the settings. When the k-sweep must be recomputed for a chosen k,
    /// a quick preview (no sweep, no stability) is published first and the full result replaces it.
    /// </summary>
    private async Task RunAsync(Dataset dataset, SegmentationRequest settings, TimeSpan delay, long version, Action<RunOutcome> publish, CancellationToken ct)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct);
            }

            var progress = new ProgressSink(this, version);
            if (settings.ClusterCount is not null && !SweepFitsLocked(settings))
            {
                var previewRequest = settings with { IncludeSweep = false, IncludeStability = false };
                var preview = await SegmentAsync(dataset, previewRequest, progress, ct);
                if (!Publish(version, RunOutcome.Preview(preview, settings), new RunProgress("Scoring k = 2 to 15 and stability", Progress.Fraction), publish))
                {
                    return;
                }
            }

            var result = await SegmentAsync(dataset, FinalRequest(settings), progress, ct);
            Publish(version, RunOutcome.Final(result, settings), new RunProgress(Progress.Stage, 1), publish);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A newer run replaced this one.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (ex is not ArgumentException && Version == version)
            {
                _logger.LogError(ex, "Segmentation failed.");
            }

            var message = ex is ArgumentException ? ex.Message : "Segmentation failed: " + ex.Message;
            Publish(version, RunOutcome.Failed(message, settings), Progress, publish);
        }
    }

    /// <summary>
    /// The request whose result a run publishes as final: with stability, and with the k-sweep when k
    /// is the sweep's suggestion or the sweep already computed does not fit (the one place that decides).
    /// </summary>
    internal static SegmentationRequest FinalRequest(SegmentationRequest settings, bool sweepFits) =>
        settings with { IncludeSweep = settings.ClusterCount is null || !sweepFits, IncludeStability = true };

    private SegmentationRequest FinalRequest(SegmentationRequest settings) => FinalRequest(settings, SweepFitsLocked(settings));

    private bool SweepFitsLocked(SegmentationRequest settings)
    {
        lock (_gate)
        {
            return SweepFits(settings);
        }
    }

    /// <summary>Whether the k-sweep already computed fits these settings' features, scaling, missing values, seed and restarts.</summary>
    private bool SweepFits(SegmentationRequest settings) => _sweep is not null && settings.SweepInputs().Equals(_sweepInputs);

    private Task<SegmentationResult> SegmentAsync(Dataset dataset, SegmentationRequest request, ProgressSink progress, CancellationToken ct) =>
        _sampleResults.GetOrRunAsync(dataset, _service.Sample(), request, () => Task.Run(() => _service.SegmentAsync(dataset, request, progress, ct), ct));

    /// <summary>Hands an outcome to the view if its run is still the latest; false when a newer run replaced it.</summary>
    private bool Publish(long version, RunOutcome outcome, RunProgress after, Action<RunOutcome> publish)
    {
        lock (_gate)
        {
            if (version != _version)
            {
                return false;
            }

            if (outcome.Result?.Sweep is { } sweep)
            {
                _sweep = sweep;
                _sweepInputs = outcome.Settings.SweepInputs();
            }

            Volatile.Write(ref _progress, after);
            publish(outcome);
        }

        Published?.Invoke();
        return true;
    }

    private void Report(long version, SegmentationProgress value)
    {
        lock (_gate)
        {
            if (version != _version)
            {
                return;
            }

            Volatile.Write(ref _progress, new RunProgress(value.Stage, value.Fraction));
        }

        RaiseProgressThrottled();
    }

    private void RaiseProgressThrottled()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastProgressTicks);
        if (now - last >= ProgressInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastProgressTicks, now, last) == last)
        {
            ProgressChanged?.Invoke();
        }
    }

    /// <summary>Progress sink of one run: ignored once a newer run started.</summary>
    private sealed class ProgressSink(RunScheduler owner, long version) : IProgress<SegmentationProgress>
    {
        public void Report(SegmentationProgress value) => owner.Report(version, value);
    }
}
