namespace SegmentDashboard.Core.Data;

/// <summary>A numeric column computed from a date or a birth year, and why.</summary>
/// <param name="Name">The new column's name ("Days since Last_Purchase", "Tenure (days)", "Age").</param>
/// <param name="Source">The column it was computed from.</param>
/// <param name="Kind">Days since, tenure or age.</param>
/// <param name="Label">Readable label for names and playbooks ("days since last purchase", "tenure", "age").</param>
/// <param name="Meaning"><see cref="ColumnMeaning.Count"/> for days, <see cref="ColumnMeaning.Demographic"/> for age.</param>
/// <param name="Reason">Why, for a tooltip: "days from 'Last_Purchase' to the as-of day 2014-06-29".</param>
/// <param name="IsDefault">True when a marketer would segment on it (days since a last purchase, tenure, age).</param>
public sealed record DerivedFeature(
    string Name,
    string Source,
    DerivedFeatureKind Kind,
    string Label,
    ColumnMeaning Meaning,
    string Reason,
    bool IsDefault);
