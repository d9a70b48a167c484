using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Figures;

/// <summary>
/// Hover boxes showing a customer's row: every CSV-derived string HTML-encoded, and personal/contact
/// columns (names, emails, phones, addresses, postal codes: <see cref="ContactColumns"/>) left out.
/// </summary>
public static class HoverText
{
    public const int DefaultMaxColumns = 8;

    /// <summary>The columns a hover box shows: the first <paramref name="maxColumns"/> that are not contact details.</summary>
    public static ImmutableArray<Column> Columns(Dataset dataset, int maxColumns = DefaultMaxColumns)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. ContactColumns.Shown(dataset, includeContact: false).Take(maxColumns)];
    }

    /// <summary>"Row 12" then "Column: value" lines for the first <paramref name="maxColumns"/> columns that are not contact details.</summary>
    public static string Row(Dataset dataset, int row, int maxColumns = DefaultMaxColumns) =>
        Row(Columns(dataset, maxColumns), row);

    /// <summary>"Row 12" then "Column: value" lines for <paramref name="columns"/> (from <see cref="Columns"/>).</summary>
    public static string Row(IReadOnlyList<Column> columns, int row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var text = new StringBuilder();
        text.Append("<b>Row ").Append((row + 1).ToString(CultureInfo.InvariantCulture)).Append("</b>");
        foreach (var column in columns)
        {
            text.Append("<br>")
                .Append(FigureText.Encode(column.Name, 32))
                .Append(": ")
                .Append(FigureText.Encode(column.Format(row), 40));
        }

        return text.ToString();
    }
}
