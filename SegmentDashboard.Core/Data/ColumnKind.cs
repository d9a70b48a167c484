namespace SegmentDashboard.Core.Data;

/// <summary>What a column holds, as inferred from the file or chosen by the user.</summary>
public enum ColumnKind
{
    /// <summary>Numbers, also written as <c>₹1,099</c>, <c>$12.50</c>, <c>1,79,691</c> or <c>64%</c>.</summary>
    Numeric,

    /// <summary>Yes/No, Y/N, true/false, or 0/1 when only those occur; stored as 1 / 0.</summary>
    Boolean,

    /// <summary>Dates and times; stored as days since 0001-01-01 (UTC), fractional.</summary>
    DateTime,

    /// <summary>A small set of repeated labels.</summary>
    Categorical,

    /// <summary>Several labels per cell, e.g. <c>Books;Electronics</c>.</summary>
    MultiCategorical,

    /// <summary>Free text: many distinct values, not useful as a feature.</summary>
    Text,

    /// <summary>Unique per row (a customer id): shown, never a default feature.</summary>
    Identifier,
}
