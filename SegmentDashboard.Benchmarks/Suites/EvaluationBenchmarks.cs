using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Projection;

namespace SegmentDashboard.Benchmarks.Suites;

/// <summary>Silhouette (exact), the other indices and PCA.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private FeatureMatrix _x = null!;
    private ImmutableArray<int> _labels;

    [Params(20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _x = BlobData.Generate(Rows, 8);
        _labels = KMeans.Fit(_x, new KMeansOptions(8) { Restarts = 1 }).Labels;
    }

    [Benchmark]
    public double SilhouetteExact() => Silhouette.Exact(_x, _labels.AsSpan()).Score;

    [Benchmark]
    public double CalinskiHarabaszAndDaviesBouldin() =>
        ClusterMetrics.CalinskiHarabasz(_x, _labels.AsSpan()) + ClusterMetrics.DaviesBouldin(_x, _labels.AsSpan());

    [Benchmark]
    public double Pca2() => Pca.Fit(_x, 2).ExplainedVarianceRatio[0];
}
