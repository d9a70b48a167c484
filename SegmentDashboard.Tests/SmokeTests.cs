namespace SegmentDashboard.Tests;

public class SmokeTests
{
    [Fact]
    public void One_Plus_One_Is_Two() => Assert.Equal(2, 1 + 1);
}
