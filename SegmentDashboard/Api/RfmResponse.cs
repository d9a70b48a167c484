using SegmentDashboard.Core.Customers;

namespace SegmentDashboard.Api;

/// <summary>A customer's classic RFM figures in the /api/segment JSON; recencyDays is null without a date column.</summary>
public sealed record RfmResponse(double? RecencyDays, int Frequency, double Monetary, string Score, string Segment)
{
    public static RfmResponse From(RfmScore score) =>
        new(SegmentResponse.OrNull(score.RecencyDays), score.Frequency, score.Monetary, score.Score, score.Segment);
}
