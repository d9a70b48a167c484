using System.Text.Json;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Core.Explain;

namespace SegmentDashboard.Tests.Core.Clustering;

/// <summary>
/// Linkage and silhouette on Gower distances against SciPy / scikit-learn on a naive Gower matrix
/// (Reference/kproto_gower_reference.py writes kproto_gower_linkage.json).
/// </summary>
public sealed class GowerLinkageTests
{
    private static readonly JsonElement Reference = ExplainReference.Load("kproto_gower_linkage.json");

    [Fact]
    public void Condensed_MixedFixture_EqualsTheNaiveReferenceMatrix()
    {
        // Arrange
        var data = FixtureData();
        var expected = Reference.GetProperty("condensed").EnumerateArray().Select(v => v.GetDouble()).ToArray();

        // Act
        var condensed = Gower.Condensed(data);

        // Assert
        Assert.Equal(expected.Length, condensed.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], condensed[i], 1e-12);
        }
    }

    [Theory]
    [InlineData(LinkageMethod.Average, "average")]
    [InlineData(LinkageMethod.Complete, "complete")]
    [InlineData(LinkageMethod.Single, "single")]
    public void FitGower_MixedFixture_EqualsScipyLinkageOnTheGowerMatrix(LinkageMethod method, string name)
    {
        // Arrange
        var data = FixtureData();
        var expected = Reference.GetProperty("methods").GetProperty(name);
        var rows = expected.GetProperty("linkage").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

        // Act
        var tree = HierarchicalClustering.FitGower(data, method);

        // Assert: SciPy's Z row by row (ids, height, size), then its 3-cluster cut as a partition.
        Assert.Equal(rows.Length, tree.Merges.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var merge = tree.Merges[i];
            Assert.Equal((int)rows[i][0], merge.Left);
            Assert.Equal((int)rows[i][1], merge.Right);
            Assert.Equal(rows[i][2], merge.Height, 1e-12);
            Assert.Equal((int)rows[i][3], merge.Size);
        }

        AssertSamePartition(ExplainReference.Ints(expected.GetProperty("cut3")), [.. tree.Cut(3)]);
    }

    [Fact]
    public void FitGower_Ward_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => HierarchicalClustering.FitGower(FixtureData(), LinkageMethod.Ward));

        Assert.Contains("Euclidean", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("average")]
    [InlineData("single")]
    public void GowerSilhouette_ScipyCut_EqualsScikitLearnOnThePrecomputedMatrix(string name)
    {
        // Arrange
        var expected = Reference.GetProperty("methods").GetProperty(name);
        var labels = ExplainReference.Ints(expected.GetProperty("cut3"));
        var samples = expected.GetProperty("silhouetteSamples").EnumerateArray().Select(v => v.GetDouble()).ToArray();

        // Act
        var result = GowerSilhouette.Compute(FixtureData(), labels);

        // Assert
        Assert.False(result.IsSampled);
        Assert.Equal(expected.GetProperty("silhouette").GetDouble(), result.Score, 1e-12);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(samples[i], result.PerSample[i], 1e-12);
        }
    }

    [Fact]
    public void GowerSilhouette_AboveTheExactLimit_IsASampledEstimateNearTheExactScore()
    {
        // Arrange
        var labels = ExplainReference.Ints(Reference.GetProperty("methods").GetProperty("average").GetProperty("cut3"));

        // Act: a limit of 30 of the 40 rows samples (every cluster contributes at least 10 rows).
        var sampled = GowerSilhouette.Compute(FixtureData(), labels, exactLimit: 30, seed: 3);

        // Assert
        Assert.True(sampled.IsSampled);
        Assert.True(sampled.StandardError >= 0);
        Assert.InRange(sampled.Score, 0.2, 0.65);
    }

    internal static MixedData FixtureData()
    {
        var numbers = Reference.GetProperty("numbers").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var codes = Reference.GetProperty("codes").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        return MixedData.FromRows(numbers, codes);
    }

    /// <summary>Same partition whatever the numbering: a one-to-one map between the label sets.</summary>
    internal static void AssertSamePartition(int[] expected, int[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(forward.TryAdd(expected[i], actual[i]) ? actual[i] : forward[expected[i]], actual[i]);
            Assert.Equal(backward.TryAdd(actual[i], expected[i]) ? expected[i] : backward[actual[i]], expected[i]);
        }
    }
}
