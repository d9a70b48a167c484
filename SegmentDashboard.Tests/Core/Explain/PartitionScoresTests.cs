using SegmentDashboard.Core.Evaluation;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class PartitionScoresTests
{
    public static TheoryData<string> Pairs() => ["identical-renumbered", "hand", "with-noise-label", "one-vs-many", "noisy-400", "independent-1000"];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void AriAndNmi_MatchScikitLearnTo1e12(string name)
    {
        // Arrange
        var pair = ExplainReference.Load("explain_partition_scores.json").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        var a = ExplainReference.Ints(pair.GetProperty("a"));
        var b = ExplainReference.Ints(pair.GetProperty("b"));

        // Act
        var ari = AdjustedRandIndex.Compute(a, b);
        var nmi = NormalizedMutualInfo.Compute(a, b);

        // Assert
        Assert.Equal(pair.GetProperty("ari").GetDouble(), ari, 1e-12);
        Assert.Equal(pair.GetProperty("nmi").GetDouble(), nmi, 1e-12);
    }

    [Fact]
    public void Contingency_CountsEveryPairOfLabels()
    {
        var table = Contingency.Of([0, 0, 1, 1, 1, -1], [2, 0, 0, 0, 2, 2]);

        Assert.Equal([-1, 0, 1], table.RowLabels.ToArray());
        Assert.Equal([0, 2], table.ColumnLabels.ToArray());
        Assert.Equal([0L, 1L], table.Counts[0].ToArray());
        Assert.Equal([1L, 1L], table.Counts[1].ToArray());
        Assert.Equal([2L, 1L], table.Counts[2].ToArray());
        Assert.Equal(6, table.Total);
    }
}
