using BenchmarkDotNet.Attributes;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Benchmarks.Suites;

/// <summary>DBSCAN with its spatial index, and the k-distance curve.</summary>
[MemoryDiagnoser]
public class DbscanBenchmarks
{
    private FeatureMatrix _x = null!;

    [Params(20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _x = BlobData.Generate(Rows, 4);

    [Benchmark]
    public int Dbscan() => Core.Clustering.Dbscan.Fit(_x, new DbscanOptions(0.5, 5)).ClusterCount;

    [Benchmark]
    public double KDistances() => Core.Clustering.Dbscan.KDistances(_x, 4)[0];
}
