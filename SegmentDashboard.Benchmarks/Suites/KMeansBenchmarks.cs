using BenchmarkDotNet.Attributes;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Benchmarks.Suites;

/// <summary>Full and mini-batch K-means, one k-means++ initialization.</summary>
[MemoryDiagnoser]
public class KMeansBenchmarks
{
    private FeatureMatrix _x = null!;

    [Params(200_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _x = BlobData.Generate(Rows, 8);

    [Benchmark(Baseline = true)]
    public double KMeansLloyd() => KMeans.Fit(_x, new KMeansOptions(8) { Restarts = 1 }).Inertia;

    [Benchmark]
    public double MiniBatch() => MiniBatchKMeans.Fit(_x, new MiniBatchKMeansOptions(8)).Inertia;
}
