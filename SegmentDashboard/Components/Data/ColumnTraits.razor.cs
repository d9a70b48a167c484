using Microsoft.AspNetCore.Components;
using SegmentDashboard.Components.Customers;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Components.Data;

/// <summary>The chips under a column's name: kind, meaning (why, as a tooltip), "not a feature", the NA code.</summary>
public sealed partial class ColumnTraits
{
    private ColumnMeaningGuess? _guess;
    private Dataset? _guessedFor;
    private Column? _guessedColumn;

    /// <summary>The dataset the column belongs to (chosen meanings, NA switches).</summary>
    [Parameter, EditorRequired]
    public Dataset Dataset { get; set; } = default!;

    /// <summary>The column.</summary>
    [Parameter, EditorRequired]
    public Column Column { get; set; } = default!;

    /// <summary>The meaning as a chip says it: "Personal / contact", "Amount (money) · chosen".</summary>
    public static string MeaningText(ColumnMeaningGuess guess)
    {
        ArgumentNullException.ThrowIfNull(guess);
        var name = ColumnMeaningSelect.MeaningName(guess.Meaning);
        return guess.IsChosen ? name + " · chosen" : name;
    }

    protected override void OnParametersSet()
    {
        // Inference samples the column's values: only again when the dataset or the column changed.
        if (!ReferenceEquals(Dataset, _guessedFor) || !ReferenceEquals(Column, _guessedColumn))
        {
            _guessedFor = Dataset;
            _guessedColumn = Column;
            _guess = ColumnMeanings.Of(Dataset, Column);
        }
    }
}
