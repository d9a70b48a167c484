using Microsoft.AspNetCore.Components;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Components.Customers;

/// <summary>
/// The meaning select of one column row (data-testid <c>column-meaning</c>). A change is stored on
/// the dataset (<see cref="Dataset.WithMeaning"/>) and the dataset is used again, so the default
/// features are chosen again by meaning.
/// </summary>
public partial class ColumnMeaningSelect : DashboardComponentBase
{
    private ColumnMeaningGuess? _guess;

    /// <summary>The column's name in the current dataset.</summary>
    [Parameter, EditorRequired]
    public string Column { get; set; } = string.Empty;

    /// <summary>How a meaning is shown in the select.</summary>
    public static string MeaningName(ColumnMeaning meaning) => meaning switch
    {
        ColumnMeaning.Identifier => "Identifier",
        ColumnMeaning.Contact => "Personal / contact",
        ColumnMeaning.Date => "Date",
        ColumnMeaning.DatePart => "Date part (year, month…)",
        ColumnMeaning.Amount => "Amount (money)",
        ColumnMeaning.Count => "Count",
        ColumnMeaning.Rating => "Rating",
        ColumnMeaning.Demographic => "Demographic",
        ColumnMeaning.Geography => "Geography",
        ColumnMeaning.Product => "Product / category",
        ColumnMeaning.Status => "Status",
        ColumnMeaning.FreeText => "Free text",
        _ => "Other measure",
    };

    protected override void OnParametersSet()
    {
        _guess = State.Dataset?.Find(Column) is { } column ? ColumnMeanings.Of(State.Dataset, column) : null;
    }

    private void OnMeaningChanged(ColumnMeaning meaning)
    {
        if (State.Dataset is { } dataset && dataset.Find(Column) is not null && _guess?.Meaning != meaning)
        {
            State.UseDataset(dataset.WithMeaning(Column, meaning));
        }
    }
}
