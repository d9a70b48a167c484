using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Core.Sharing;

/// <summary>
/// Per-segment customer-id lists for a campaign tool: one CSV with the columns
/// "Segment", "Segment name" and the identifier column's name, one line per customer with a
/// segment, ordered by segment then file order. UTF-8 with BOM, CRLF, formulas neutralized
/// like <see cref="LabeledCsvWriter"/>.
/// </summary>
public static class CustomerIdExport
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The column that identifies customers: the first column of kind Identifier, else null.</summary>
    public static Column? FindIdentifier(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Identifier);
    }

    /// <param name="rowLabels">One label per dataset row; rows labelled -1 (noise, dropped) are left out.</param>
    /// <param name="segmentNames">Names indexed by segment id.</param>
    public static void WriteCsv(Stream output, Dataset dataset, IReadOnlyList<int> rowLabels, IReadOnlyList<string> segmentNames, Column identifier)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(segmentNames);
        ArgumentNullException.ThrowIfNull(identifier);
        if (rowLabels.Count != dataset.RowCount)
        {
            throw new ArgumentException($"Expected one segment label per row ({dataset.RowCount}), got {rowLabels.Count}.", nameof(rowLabels));
        }

        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true);
        var idHeader = identifier.Name is "Segment" or "Segment name" ? identifier.Name + " (id)" : identifier.Name;
        writer.Write(string.Join(',', new[] { "Segment", "Segment name", idHeader }.Select(LabeledCsvWriter.EscapeCell)));
        writer.Write("\r\n");
        var rows = Enumerable.Range(0, dataset.RowCount).Where(row => rowLabels[row] >= 0).OrderBy(row => rowLabels[row]).ThenBy(row => row);
        foreach (var row in rows)
        {
            var label = rowLabels[row];
            var name = label < segmentNames.Count ? segmentNames[label] : SegmentNames.Fallback(label);
            writer.Write(label.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(LabeledCsvWriter.EscapeCell(name));
            writer.Write(',');
            writer.Write(LabeledCsvWriter.EscapeCell(identifier.IsMissing(row) ? string.Empty : identifier.Format(row)));
            writer.Write("\r\n");
        }
    }
}
