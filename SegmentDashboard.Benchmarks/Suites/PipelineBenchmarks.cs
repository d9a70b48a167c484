using BenchmarkDotNet.Attributes;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Benchmarks.Suites;

/// <summary>The whole default pipeline on the built-in sample, and profiling alone.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly SegmentationService _service = new();
    private Dataset _sample = null!;
    private SegmentationResult _result = null!;

    [Params(SampleCustomers.DefaultRows)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sample = SampleCustomers.Generate(Rows);
        _result = _service.SegmentAsync(_sample, new SegmentationRequest { ClusterCount = 5 }).GetAwaiter().GetResult();
    }

    [Benchmark]
    public SegmentationResult DefaultPipeline() =>
        _service.SegmentAsync(_sample, new SegmentationRequest()).GetAwaiter().GetResult();

    [Benchmark]
    public int Profiles() =>
        SegmentProfiler.Build(_sample, _result.RowLabels.AsSpan(), _result.Request.Features.IsDefaultOrEmpty
            ? _result.Prepared.Features.Select(f => f.SourceColumn).Distinct().ToList()
            : _result.Request.Features).Length;
}
