using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Clustering;

public class KMeansEngineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(13)]
    public void RunAccelerated_SameStartAsLloyd_SameFixedPoint(int k)
    {
        // Arrange: Hamerly's bounds only skip distance evaluations; from the same initial centres
        // the labels and centres must follow Lloyd's iterations.
        var x = ClusteringTestData.Blobs(12_000, 4, 5, seed: 31);
        var lloyd = new KMeansEngine(x, k, 2, CancellationToken.None);
        var hamerly = new KMeansEngine(x, k, 2, CancellationToken.None);
        lloyd.InitializePlusPlus(new Random(4));
        hamerly.InitializePlusPlus(new Random(4));

        // Act
        var plain = lloyd.RunLloyd(100, 0);
        var bounded = hamerly.RunAccelerated(100, 0);

        // Assert
        Assert.Equal(lloyd.Labels.ToArray(), hamerly.Labels.ToArray());
        Assert.Equal(plain.Iterations, bounded.Iterations);
        Tolerance.AssertClose(plain.Inertia, bounded.Inertia, 1e-12, "inertia");
        var a = lloyd.Centres.ToArray();
        var b = hamerly.Centres.ToArray();
        for (var i = 0; i < a.Length; i++)
        {
            Tolerance.AssertClose(a[i], b[i], 1e-10, $"centre value {i}");
        }
    }
}
