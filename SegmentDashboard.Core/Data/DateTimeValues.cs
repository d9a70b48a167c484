namespace SegmentDashboard.Core.Data;

/// <summary>How <see cref="ColumnKind.DateTime"/> values are stored: days since 0001-01-01.</summary>
public static class DateTimeValues
{
    public static double FromDateTime(DateTime value) => value.Ticks / (double)TimeSpan.TicksPerDay;

    public static DateTime ToDateTime(double days) =>
        new((long)Math.Round(days * TimeSpan.TicksPerDay), DateTimeKind.Unspecified);
}
