using System.Text;
using SegmentDashboard.Core.Export;

namespace SegmentDashboard.Core.Customers;

/// <summary>Writes a customer table as CSV (UTF-8 with BOM): its columns, then R, F, M, RFM score and RFM segment; formulas neutralized.</summary>
public static class CustomerTableCsvWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <param name="output">Receives the file; not disposed.</param>
    public static void Write(Stream output, CustomerTable table)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true);
        var columns = table.Customers.Columns;
        var header = columns.Select(c => c.Name).Concat(["R", "F", "M", "RFM score", "RFM segment"]);
        writer.Write(string.Join(',', header.Select(LabeledCsvWriter.EscapeCell)));
        writer.Write("\r\n");
        var line = new StringBuilder();
        for (var row = 0; row < table.Count; row++)
        {
            line.Clear();
            foreach (var column in columns)
            {
                line.Append(LabeledCsvWriter.EscapeCell(column.Format(row))).Append(',');
            }

            var rfm = table.Rfm[row];
            line.Append(System.Globalization.CultureInfo.InvariantCulture, $"{rfm.R},{rfm.F},{rfm.M},{rfm.Score},");
            line.Append(LabeledCsvWriter.EscapeCell(rfm.Segment)).Append("\r\n");
            writer.Write(line);
        }
    }
}
