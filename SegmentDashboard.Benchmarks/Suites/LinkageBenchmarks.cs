using BenchmarkDotNet.Attributes;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Benchmarks.Suites;

/// <summary>Agglomerative clustering, every linkage.</summary>
[MemoryDiagnoser]
public class LinkageBenchmarks
{
    private FeatureMatrix _x = null!;

    [Params(5_000)]
    public int Rows { get; set; }

    [Params(LinkageMethod.Ward, LinkageMethod.Complete, LinkageMethod.Average, LinkageMethod.Single)]
    public LinkageMethod Method { get; set; }

    [GlobalSetup]
    public void Setup() => _x = BlobData.Generate(Rows, 8);

    [Benchmark]
    public double Linkage() => HierarchicalClustering.Fit(_x, Method).Merges[^1].Height;
}
