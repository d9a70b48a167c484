namespace SegmentDashboard.Core.Data;

/// <summary>A column's meaning, why it was inferred (or "chosen by you"), and whether it can be a default feature.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Meaning">Inferred or chosen meaning.</param>
/// <param name="Reason">Why, in words for a tooltip: "not a feature: looks like a phone number".</param>
/// <param name="Label">A readable label for names and playbooks ("wine spend", "days since last order").</param>
/// <param name="IsChosen">True when the user set the meaning.</param>
public sealed record ColumnMeaningGuess(string Column, ColumnMeaning Meaning, string Reason, string Label, bool IsChosen = false)
{
    /// <summary>True for meanings that are never a feature (identifier, contact, date part, status, free text, raw date).</summary>
    public bool NeverFeature => Meaning is ColumnMeaning.Identifier or ColumnMeaning.Contact or ColumnMeaning.DatePart
        or ColumnMeaning.Status or ColumnMeaning.FreeText or ColumnMeaning.Date;
}
