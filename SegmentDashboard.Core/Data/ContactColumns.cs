using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// The one decision of which columns are personal/contact details (person name, email, phone,
/// street address, postal code: <see cref="ColumnMeaning.Contact"/>) and so stay out of hover
/// text and exports unless the user asks. The customer column (<see cref="Dataset.CustomerIdColumn"/>)
/// is an identifier, never hidden: it is what a marketer acts on.
/// </summary>
public static class ContactColumns
{
    /// <summary>Names of the contact columns of <paramref name="dataset"/>, in column order.</summary>
    public static ImmutableArray<string> Of(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. dataset.Columns.Where(column => ColumnMeanings.Of(dataset, column).Meaning == ColumnMeaning.Contact).Select(column => column.Name)];
    }

    /// <summary>The columns an export or a hover box shows: every column, or every column but the contact ones.</summary>
    public static ImmutableArray<Column> Shown(Dataset dataset, bool includeContact)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (includeContact)
        {
            return dataset.Columns;
        }

        var hidden = Of(dataset);
        return hidden.IsEmpty ? dataset.Columns : [.. dataset.Columns.Where(column => !hidden.Contains(column.Name))];
    }
}
