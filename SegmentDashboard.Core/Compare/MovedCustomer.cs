namespace SegmentDashboard.Core.Compare;

/// <summary>A customer (0-based file row) whose segment in run B is not the one matched to its segment in run A.</summary>
public sealed record MovedCustomer(int Row, int From, int To);
