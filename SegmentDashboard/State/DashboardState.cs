using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.State;

/// <summary>
/// One circuit's dashboard as the pages bind it: the dataset, the user's settings, the latest
/// result, errors, segment names and status. Scoped per circuit (never a singleton: users must not
/// see each other's data). Runs are scheduled by a <see cref="RunScheduler"/> (debounce,
/// cancellation, preview, progress); its outcomes are stored here and <see cref="Changed"/> is
/// raised (throttled during progress) so components can <c>InvokeAsync(StateHasChanged)</c>.
/// </summary>
public sealed class DashboardState : IDisposable
{
    /// <summary>How long settings must stay unchanged before a run starts (see <see cref="RunScheduler.Debounce"/>).</summary>
    public static readonly TimeSpan Debounce = RunScheduler.Debounce;

    private readonly SegmentationService _service;
    private readonly ILogger<DashboardState> _logger;
    private readonly RunScheduler _runs;
    private ImmutableDictionary<int, string> _segmentNames = ImmutableDictionary<int, string>.Empty;
    private bool _started;

    public DashboardState(SegmentationService service, SampleResultCache sampleResults, ILogger<DashboardState> logger)
    {
        _service = service;
        _logger = logger;
        _runs = new RunScheduler(service, sampleResults, logger);
        _runs.ProgressChanged += Notify;
        _runs.Published += Notify;
    }

    /// <summary>Raised after any change; may be raised on a thread-pool thread.</summary>
    public event Action? Changed;

    public Dataset? Dataset { get; private set; }

    public ImmutableArray<ColumnSummary> Summaries { get; private set; } = ImmutableArray<ColumnSummary>.Empty;

    /// <summary>What the user chose (Segments page, feature checkboxes): the same record the engine runs.</summary>
    public SegmentationRequest Settings { get; private set; } = new();

    /// <summary>The latest finished result (for <see cref="ResultSettings"/>; may lag while computing).</summary>
    public SegmentationResult? Result { get; private set; }

    public SegmentationRequest? ResultSettings { get; private set; }

    public DashboardStatus Status { get; private set; } = DashboardStatus.Starting;

    /// <summary>Why the last file could not be loaded or a column could not be converted; null when fine.</summary>
    public string? LoadError { get; private set; }

    /// <summary>Why the last segmentation failed; null when fine.</summary>
    public string? SegmentationError { get; private set; }

    /// <summary>A note that is not an error (e.g. values lost by a kind conversion).</summary>
    public string? Notice { get; private set; }

    public string ProgressStage => _runs.Progress.Stage;

    /// <summary>Fraction in [0, 1] of the running computation.</summary>
    public double Progress => _runs.Progress.Fraction;

    /// <summary>The k-sweep of the result: its own, or the previous one when only k changed.</summary>
    public KSweepResult? Sweep => Result?.Sweep ?? (ResultSettings is { } settings ? _runs.SweepFor(settings) : null);

    public bool IsReady => Status == DashboardStatus.Ready;

    /// <summary>Increases with every scheduled run: lets a browser test wait for the run its change started.</summary>
    public long RunVersion => _runs.Version;

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
        _runs.ShowProgress(stage, fraction);
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
        Settings = new SegmentationRequest { Features = DefaultFeatures(dataset), Seed = Settings.Seed };
        ScheduleRun(TimeSpan.Zero);
    }

    /// <summary>Applies new settings; recomputes after <see cref="Debounce"/> when they differ.</summary>
    public void UpdateSettings(SegmentationRequest settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Equals(Settings) && Status != DashboardStatus.Failed)
        {
            return;
        }

        Settings = settings;
        // Nothing to compute (a demo's k change on the warmed sample): no reason to wait.
        var cached = Dataset is { } dataset && _runs.IsCached(dataset, settings);
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
    internal void SetSnapshot(Dataset dataset, SegmentationRequest settings, SegmentationResult? result)
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
        _runs.ProgressChanged -= Notify;
        _runs.Published -= Notify;
        _runs.Dispose();

        // The circuit is gone: drop the dataset and results now (a 1,000,000-row upload holds
        // hundreds of MB) rather than whenever the last closure over this state is collected.
        Dataset = null;
        Summaries = ImmutableArray<ColumnSummary>.Empty;
        Result = null;
        ResultSettings = null;
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

        Status = DashboardStatus.Computing;
        _runs.Schedule(dataset, Settings, delay, Apply);
        Notify();
    }

    /// <summary>Stores a run's outcome; the scheduler calls it under its lock, only for the latest run, and raises Published after.</summary>
    private void Apply(RunOutcome outcome)
    {
        if (outcome.Error is { } error)
        {
            SegmentationError = error;
            Status = DashboardStatus.Failed;
        }
        else
        {
            _segmentNames = ImmutableDictionary<int, string>.Empty;
            Result = outcome.Result;
            ResultSettings = outcome.Settings;
            SegmentationError = null;
            if (outcome.IsFinal)
            {
                Status = DashboardStatus.Ready;
            }
        }
    }

    private void Notify() => Changed?.Invoke();
}
