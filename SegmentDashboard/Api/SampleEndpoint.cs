using SegmentDashboard.Core.Samples;

namespace SegmentDashboard.Api;

/// <summary>GET /api/sample.csv: the built-in sample customers as CSV (UTF-8, comma, invariant numbers).</summary>
internal static class SampleEndpoint
{
    // Generated once; not cached when generation fails, so a later request can still succeed.
    private static readonly Lazy<byte[]> Csv = new(
        () => System.Text.Encoding.UTF8.GetBytes(SampleCustomers.ToCsv()),
        LazyThreadSafetyMode.PublicationOnly);

    public static IResult Get(ILoggerFactory loggers)
    {
        try
        {
            return TypedResults.File(Csv.Value, "text/csv; charset=utf-8", "sample-customers.csv");
        }
        catch (Exception ex)
        {
            return ProblemResults.Unexpected(ex, loggers.CreateLogger("SegmentDashboard.Api"));
        }
    }
}
