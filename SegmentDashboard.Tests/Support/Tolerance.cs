namespace SegmentDashboard.Tests.Support;

public static class Tolerance
{
    /// <summary>Asserts |actual - expected| ≤ relative·max(1, |expected|).</summary>
    public static void AssertClose(double expected, double actual, double relative = 1e-9, string? what = null)
    {
        var allowed = relative * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what ?? "value"}: expected {expected:R}, got {actual:R} (allowed ±{allowed:G3}).");
    }
}
