using SegmentDashboard.Hosting;

namespace SegmentDashboard.Tests.Web.Reliability;

public sealed class IdleMemoryTrimmerTests
{
    private const long Mb = 1024 * 1024;

    [Theory]
    [InlineData(1 * Mb, 600 * Mb, null, true)] // idle after a load: trim
    [InlineData(1 * Mb, 600 * Mb, 1, false)] // trimmed 10 s ago: wait
    [InlineData(1 * Mb, 600 * Mb, IdleMemoryTrimmer.RetrimIntervals, true)] // still large a minute later: trim again
    [InlineData(200 * Mb, 600 * Mb, null, false)] // still busy: leave the GC alone
    [InlineData(1 * Mb, 100 * Mb, null, false)] // small heap: nothing worth returning
    public void ShouldTrim_IdleAndLargeHeapOnly(long allocated, long committed, int? sinceTrim, bool expected)
    {
        Assert.Equal(expected, IdleMemoryTrimmer.ShouldTrim(allocated, committed, sinceTrim));
    }
}
