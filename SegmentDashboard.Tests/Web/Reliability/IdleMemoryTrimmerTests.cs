using SegmentDashboard.Hosting;

namespace SegmentDashboard.Tests.Web.Reliability;

public sealed class IdleMemoryTrimmerTests
{
    private const long Mb = 1024 * 1024;

    [Theory]
    [InlineData(1 * Mb, 600 * Mb, 60 * Mb, null, true)] // idle after a load: trim
    [InlineData(1 * Mb, 600 * Mb, 60 * Mb, 1, false)] // trimmed 10 s ago: wait
    [InlineData(1 * Mb, 600 * Mb, 60 * Mb, IdleMemoryTrimmer.RetrimIntervals, true)] // still large a minute later: trim again
    [InlineData(200 * Mb, 600 * Mb, 60 * Mb, null, false)] // still busy: leave the GC alone
    [InlineData(1 * Mb, 80 * Mb, 60 * Mb, null, false)] // close to what a trim leaves: nothing worth returning
    [InlineData(1 * Mb, 130 * Mb, 60 * Mb, null, true)] // 70 MB above the floor (the load test's leftover): trim
    [InlineData(1 * Mb, 40 * Mb, 0, null, true)] // first idle moment: trim once to learn the floor
    public void ShouldTrim_IdleAndGrownAboveTheFloorOnly(long allocated, long committed, long floor, int? sinceTrim, bool expected)
    {
        Assert.Equal(expected, IdleMemoryTrimmer.ShouldTrim(allocated, committed, floor, sinceTrim));
    }
}
