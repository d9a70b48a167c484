using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Samples;

/// <summary>
/// The built-in demo data: a deterministic synthetic Amazon customer table with planted
/// segments, a few missing values and outliers.
/// </summary>
public static class SampleCustomers
{
    public const int DefaultRows = 2_000;

    /// <summary>The same table for the same arguments, on every machine.</summary>
    public static Dataset Generate(int rows = DefaultRows, int seed = 42)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }

    /// <summary>The sample as CSV text (comma, UTF-8, invariant numbers).</summary>
    public static string ToCsv(int rows = DefaultRows, int seed = 42)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }
}
