using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Figures;

/// <summary>Hover boxes showing a customer's row: every CSV-derived string HTML-encoded.</summary>
public static class HoverText
{
    public const int DefaultMaxColumns = 8;

    /// <summary>"Row 12" then "Column: value" lines for the first <paramref name="maxColumns"/> columns.</summary>
    public static string Row(Dataset dataset, int row, int maxColumns = DefaultMaxColumns)
    {
        var text = new StringBuilder();
        text.Append("<b>Row ").Append((row + 1).ToString(CultureInfo.InvariantCulture)).Append("</b>");
        foreach (var column in dataset.Columns.Take(maxColumns))
        {
            text.Append("<br>")
                .Append(FigureText.Encode(column.Name, 32))
                .Append(": ")
                .Append(FigureText.Encode(column.Format(row), 40));
        }

        return text.ToString();
    }
}
