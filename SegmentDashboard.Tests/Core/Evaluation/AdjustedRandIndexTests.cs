using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Evaluation;

public sealed class AdjustedRandIndexTests
{
    [Theory]
    [InlineData("linkage_ward")]
    [InlineData("linkage_complete")]
    [InlineData("linkage_average")]
    [InlineData("linkage_single")]
    public void Compute_LinkageCutVersusKMeansOnFixture_MatchesScikitLearn(string method)
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var kmeans = fixture.IntArray("kmeans_k4", "labels");
        var cut = fixture.IntArray(method, "cut_k4_labels");

        // Act
        var ari = AdjustedRandIndex.Compute(kmeans, cut);

        // Assert
        Tolerance.AssertClose(fixture.Double(method, "ari_vs_kmeans_k4"), ari, 1e-9, $"ARI {method}");
    }

    /// <summary>Small labellings and scikit-learn's adjusted_rand_score (engine_make_fixtures.py; -1 is an ordinary label there).</summary>
    public static TheoryData<int[], int[], double> SmallLabellings()
    {
        var data = new TheoryData<int[], int[], double>();
        foreach (var pair in ReferenceFixture.Load().Get("ari_small").EnumerateArray())
        {
            data.Add(
                [.. pair.GetProperty("a").EnumerateArray().Select(e => e.GetInt32())],
                [.. pair.GetProperty("b").EnumerateArray().Select(e => e.GetInt32())],
                pair.GetProperty("ari").GetDouble());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallLabellings))]
    public void Compute_SmallLabellings_MatchScikitLearn(int[] a, int[] b, double expected)
    {

        // Act
        var ari = AdjustedRandIndex.Compute(a, b);

        // Assert
        Tolerance.AssertClose(expected, ari, 1e-12);
        Tolerance.AssertClose(expected, AdjustedRandIndex.Compute(b, a), 1e-12, "symmetric");
    }

    [Fact]
    public void Compute_LargeN_NoOverflow()
    {
        // Arrange: 300,000 rows, pair counts ~ n² / 2 overflow 32 bits and their products 64 bits.
        var a = Enumerable.Range(0, 300_000).Select(i => i % 3).ToArray();
        var b = a.Select((l, i) => i % 1000 == 0 ? (l + 1) % 3 : l).ToArray();

        // Act
        var same = AdjustedRandIndex.Compute(a, a);
        var close = AdjustedRandIndex.Compute(a, b);

        // Assert
        Assert.Equal(1.0, same);
        Assert.InRange(close, 0.99, 0.9999);
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => AdjustedRandIndex.Compute([0, 1, 1], [0, 1]));

        // Assert
        Assert.Equal("labelsB", error.ParamName);
    }
}
