namespace SegmentDashboard.Core.Data;

/// <summary>Converts a column to another kind when the user overrides the inferred one.</summary>
public static class ColumnConversion
{
    /// <summary>
    /// The column re-read as <paramref name="kind"/>. Values that do not fit the new kind become
    /// missing; the returned message says how many (null when none were lost).
    /// </summary>
    public static (Column Column, string? Message) Convert(Column column, ColumnKind kind)
    {
        throw new NotImplementedException("Owned by the ingest work package.");
    }
}
