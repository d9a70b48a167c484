namespace SegmentDashboard.Core.Customers;

/// <summary>
/// A customer's classic RFM scores: recency, frequency and monetary quintiles 1–5 (5 best: most
/// recent, most orders, most spend), the three digits as <see cref="Score"/> (e.g. "545"; R is 0
/// without a date column) and the segment name from R and F (Champions, Loyal customers, At risk...).
/// </summary>
public sealed record RfmScore(
    double RecencyDays,
    int Frequency,
    double Monetary,
    int R,
    int F,
    int M,
    string Score,
    string Segment);
