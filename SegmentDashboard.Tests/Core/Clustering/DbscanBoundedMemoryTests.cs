using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Clustering;

/// <summary>Runs alone (no other test allocating meanwhile), so the process-wide allocation count is this test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuredCollection
{
    public const string Name = "Memory measured";
}

/// <summary>
/// Issue 12: DBSCAN's memory is O(n·d) whatever eps. An eps covering the whole data at 100,000
/// rows used to push every point once per core neighbour (about 10^10 pushes, some 20 GB).
/// </summary>
[Collection(MemoryMeasuredCollection.Name)]
public sealed class DbscanBoundedMemoryTests
{
    /// <summary>The stated ceiling: 64 MB of allocations for 100,000 x 2 (the matrix itself is 1.6 MB).</summary>
    private const long CeilingBytes = 64L * 1024 * 1024;

    [Fact]
    public void Fit_EpsCoveringAllOf100000Rows_OneClusterUnderTheMemoryCeiling()
    {
        var x = Uniform(100_000, 2, seed: 3);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var fit = Dbscan.Fit(x, new DbscanOptions(Eps: 1e6, MinSamples: 5));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(1, fit.ClusterCount);
        Assert.Equal(0, fit.NoiseCount);
        Assert.All(fit.Labels, label => Assert.Equal(0, label));
        Assert.True(allocated < CeilingBytes, $"DBSCAN allocated {allocated / (1024 * 1024)} MB, over the {CeilingBytes / (1024 * 1024)} MB ceiling");
    }

    [Fact]
    public void Fit_EpsCoveringHalfTheData_UnderTheSameCeiling()
    {
        // Every neighbourhood holds tens of thousands of points, but each is claimed once.
        var x = Uniform(100_000, 2, seed: 4);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var fit = Dbscan.Fit(x, new DbscanOptions(Eps: 0.5, MinSamples: 5));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(1, fit.ClusterCount);
        Assert.True(allocated < CeilingBytes, $"DBSCAN allocated {allocated / (1024 * 1024)} MB, over the {CeilingBytes / (1024 * 1024)} MB ceiling");
    }

    [Fact]
    public void Fit_TwoGroupsAndAnOutlier_SamePartitionAsMarkingOnPop()
    {
        // A border point (2.0) within eps of both groups' cores joins the first group grown, as in scikit-learn.
        var x = FeatureMatrix.FromRows([[0.0], [0.5], [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [10.0]]);

        var fit = Dbscan.Fit(x, new DbscanOptions(Eps: 0.6, MinSamples: 3));

        Assert.Equal(1, fit.ClusterCount);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, -1], fit.Labels.ToArray());
    }

    private static FeatureMatrix Uniform(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var data = new double[rows * columns];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble();
        }

        return FeatureMatrix.Create(rows, columns, data);
    }
}
