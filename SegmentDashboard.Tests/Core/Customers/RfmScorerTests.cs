using SegmentDashboard.Core.Customers;

namespace SegmentDashboard.Tests.Core.Customers;

public class RfmScorerTests
{
    [Fact]
    public void Score_TenCustomers_TwoPerFifthTiesInTableOrder()
    {
        // recency: smaller is better; frequency and monetary: larger is better.
        double[] recency = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        int[] frequency = [5, 5, 1, 1, 2, 2, 3, 3, 4, 4];
        double[] monetary = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];

        var scores = RfmScorer.Score(recency, frequency, monetary);

        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], scores.Select(s => s.R));
        Assert.Equal([5, 5, 1, 1, 2, 2, 3, 3, 4, 4], scores.Select(s => s.F));
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], scores.Select(s => s.M));
        Assert.Equal("555", scores[0].Score);
        Assert.Equal("Champions", scores[0].Segment);
        Assert.Equal("At risk", scores[9].Segment); // R1 F4
    }

    [Theory]
    [InlineData(5, 5, "Champions")]
    [InlineData(4, 5, "Loyal customers")]
    [InlineData(3, 4, "Loyal customers")]
    [InlineData(1, 3, "At risk")]
    [InlineData(2, 5, "Can't lose them")]
    [InlineData(1, 1, "Hibernating")]
    [InlineData(3, 3, "Need attention")]
    [InlineData(3, 1, "About to sleep")]
    [InlineData(4, 1, "Promising")]
    [InlineData(5, 1, "New customers")]
    [InlineData(5, 3, "Potential loyalists")]
    public void SegmentName_ClassicMap(int r, int f, string expected) =>
        Assert.Equal(expected, RfmScorer.SegmentName(r, f));
}
