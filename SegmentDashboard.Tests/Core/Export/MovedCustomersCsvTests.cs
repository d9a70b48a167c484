using System.Collections.Immutable;
using System.Text;
using SegmentDashboard.Core.Compare;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;

namespace SegmentDashboard.Tests.Core.Export;

public sealed class MovedCustomersCsvTests
{
    [Fact]
    public void Write_WithIdColumn_RowIdFromToAndFormulasNeutralized()
    {
        var dataset = new Dataset(
            "moved.csv",
            [
                new TextColumn("CustomerId", ColumnKind.Identifier, ImmutableArray.Create<string?>("c1", "=HYPERLINK(1)", "c3")),
                new NumericColumn("Balance", [1, 2, 3]),
            ],
            3,
            null,
            []);
        using var stream = new MemoryStream();

        MovedCustomersCsv.Write(stream, dataset, [new MovedCustomer(1, 0, 2)], id => id == 0 ? "@Loyal" : "A", id => id == 2 ? "New, big" : "B");

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "Row,CustomerId,From,To\r\n" +
            "2,'=HYPERLINK(1),'@Loyal,\"New, big\"\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void Write_ComparisonWithoutIdColumn_OneLinePerMovedCustomer()
    {
        var dataset = new Dataset("n.csv", [new NumericColumn("x", [1, 2, 3, 4])], 4, null, []);
        var comparison = RunComparison.Of([0, 0, 1, 1], [0, 1, 1, 1]);
        using var stream = new MemoryStream();

        MovedCustomersCsv.Write(stream, dataset, comparison.Moved, id => $"A{id}", id => $"B{id}");

        Assert.Equal("Row,From,To\r\n2,A0,B1\r\n", Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));
    }
}
