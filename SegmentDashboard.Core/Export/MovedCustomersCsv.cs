using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Compare;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Export;

/// <summary>
/// The customers who moved between two segmentations as CSV: file row (1-based), the first
/// identifier column's value when the file has one, the segment name in A and in B. UTF-8 with BOM,
/// formulas neutralized exactly like the labeled export.
/// </summary>
public static class MovedCustomersCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static void Write(Stream output, Dataset dataset, ImmutableArray<MovedCustomer> moved, Func<int, string> nameA, Func<int, string> nameB)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(nameA);
        ArgumentNullException.ThrowIfNull(nameB);
        var id = IdColumn(dataset);
        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true);
        var header = id is null ? ["Row", "From", "To"] : new[] { "Row", id.Name, "From", "To" };
        writer.Write(string.Join(',', header.Select(LabeledCsvWriter.EscapeCell)));
        writer.Write("\r\n");
        foreach (var customer in moved)
        {
            var cells = new List<string> { (customer.Row + 1).ToString(CultureInfo.InvariantCulture) };
            if (id is not null)
            {
                cells.Add(id.IsMissing(customer.Row) ? string.Empty : id.Format(customer.Row));
            }

            cells.Add(nameA(customer.From));
            cells.Add(nameB(customer.To));
            writer.Write(string.Join(',', cells.Select(LabeledCsvWriter.EscapeCell)));
            writer.Write("\r\n");
        }
    }

    /// <summary>The first column whose kind is <see cref="ColumnKind.Identifier"/>, or null.</summary>
    public static Column? IdColumn(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Columns.FirstOrDefault(column => column.Kind == ColumnKind.Identifier);
    }
}
