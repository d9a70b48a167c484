using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Core.Export;

/// <summary>
/// Writes the original rows plus segment id and name, UTF-8 with BOM, spreadsheet formulas
/// neutralized (OWASP CSV injection: a leading apostrophe before =, +, @, tab, CR, and - not
/// followed by a digit).
/// </summary>
/// <remarks>
/// Cells are written with <see cref="Column.Format"/>, so numbers use the invariant culture and
/// negative numbers such as <c>-12.5</c> stay numbers. Fields are quoted per RFC 4180 (commas,
/// quotes, CR or LF inside) and rows end with CRLF. The two added columns are "Segment" (the id,
/// empty for noise or a dropped row) and "Segment name"; a number is appended to their header when
/// the file already has a column of that name. Personal/contact columns (<see cref="ContactColumns"/>)
/// are left out unless <c>includeContact</c> is set; the customer column always stays.
/// </remarks>
public static class LabeledCsvWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <param name="output">Receives the file; not disposed.</param>
    /// <param name="rowLabels">One label per dataset row; -1 is written as an empty segment.</param>
    /// <param name="segmentNames">Names indexed by segment id.</param>
    /// <param name="includeContact">Also write personal/contact columns (names, emails, phones, addresses, postal codes).</param>
    public static void Write(Stream output, Dataset dataset, ReadOnlySpan<int> rowLabels, IReadOnlyList<string> segmentNames, bool includeContact = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(segmentNames);
        if (rowLabels.Length != dataset.RowCount)
        {
            throw new ArgumentException(
                $"Expected one segment label per row ({dataset.RowCount}), got {rowLabels.Length}.", nameof(rowLabels));
        }

        var columns = ContactColumns.Shown(dataset, includeContact);
        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true);
        var taken = new HashSet<string>(columns.Select(column => column.Name), StringComparer.Ordinal);
        var header = columns.Select(column => column.Name)
            .Append(FreeName("Segment", taken))
            .Append(FreeName("Segment name", taken));
        writer.Write(string.Join(',', header.Select(EscapeCell)));
        writer.Write("\r\n");

        var line = new StringBuilder();
        for (var row = 0; row < dataset.RowCount; row++)
        {
            line.Clear();
            foreach (var column in columns)
            {
                line.Append(EscapeCell(column.Format(row))).Append(',');
            }

            var label = rowLabels[row];
            if (label >= 0)
            {
                line.Append(label.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',');
                line.Append(EscapeCell(label < segmentNames.Count ? segmentNames[label] : SegmentNames.Fallback(label)));
            }
            else
            {
                line.Append(',');
            }

            line.Append("\r\n");
            writer.Write(line);
        }
    }

    /// <summary>The cell as written: quoted when needed, formulas neutralized.</summary>
    public static string EscapeCell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return QuoteIfNeeded(NeedsNeutralizing(value) ? "'" + value : value);
    }

    /// <summary>True when a spreadsheet could read the cell as a formula.</summary>
    internal static bool NeedsNeutralizing(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        return value[0] switch
        {
            '=' or '+' or '@' or '\t' or '\r' => true,
            '-' => value.Length > 1 && !char.IsAsciiDigit(value[1]),
            _ => false,
        };
    }

    /// <summary>RFC 4180: quotes a field that holds a comma, a quote, CR or LF (quotes doubled).</summary>
    internal static string QuoteIfNeeded(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string FreeName(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{name} ({i})";
        }

        return candidate;
    }
}
