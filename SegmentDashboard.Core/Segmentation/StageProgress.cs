namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// Maps the progress of each pipeline stage onto one fraction of the whole run. Stages have
/// weights; a stage reports its own fraction in [0, 1]. Reports synchronously (no context hop),
/// never go backwards (an algorithm that restarts its own progress does not move the bar back)
/// and are serialized (algorithms may report from several threads).
/// </summary>
internal sealed class StageProgress
{
    private readonly IProgress<SegmentationProgress>? _sink;
    private readonly Dictionary<string, (double Start, double Width)> _stages = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private double _last;

    public StageProgress(IProgress<SegmentationProgress>? sink, IReadOnlyList<(string Stage, double Weight)> stages)
    {
        _sink = sink;
        var total = stages.Sum(stage => stage.Weight);
        var start = 0.0;
        foreach (var (stage, weight) in stages)
        {
            _stages[stage] = (start, weight / total);
            start += weight / total;
        }
    }

    public void Report(string stage, double fraction)
    {
        if (_sink is null || !_stages.TryGetValue(stage, out var range))
        {
            return;
        }

        lock (_gate)
        {
            var overall = Math.Min(1, range.Start + (range.Width * Math.Clamp(fraction, 0, 1)));
            _last = Math.Max(_last, overall);
            _sink.Report(new SegmentationProgress(stage, _last));
        }
    }

    public IProgress<T> For<T>(string stage, Func<T, double> fraction) => new Relay<T>(value => Report(stage, fraction(value)));

    private sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
