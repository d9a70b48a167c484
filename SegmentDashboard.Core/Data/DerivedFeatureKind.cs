namespace SegmentDashboard.Core.Data;

/// <summary>What a <see cref="DerivedFeature"/> counts.</summary>
public enum DerivedFeatureKind
{
    /// <summary>Whole days from a date to the as-of day ("days since last purchase").</summary>
    DaysSince,

    /// <summary>Whole days from a signup, first-order or customer-since date to the as-of day.</summary>
    Tenure,

    /// <summary>Whole years from a birth year or birth date to the as-of day.</summary>
    Age,
}
