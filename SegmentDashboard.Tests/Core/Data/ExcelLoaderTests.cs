using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Core.Data;

public class ExcelLoaderTests
{
    private static Dataset LoadWorkbook(CsvLoadOptions? options = null)
    {
        using var stream = File.OpenRead(RealDataFiles.PathOf("realdata_orders.xlsx"));
        return CsvLoader.Load(stream, "realdata_orders.xlsx", options);
    }

    [Fact]
    public void Load_ChosenSheet_SameKindsAndValuesAsTheCsv()
    {
        var workbook = LoadWorkbook(new CsvLoadOptions { Sheet = "Orders" });
        var csv = RealDataFiles.Load("realdata_invoices.csv");

        Assert.Equal("Excel workbook (.xlsx)", workbook.Dialect!.EncodingName);
        Assert.Equal(200, workbook.RowCount);
        Assert.Equal(csv.Columns.Select(c => c.Name), workbook.Columns.Select(c => c.Name));
        foreach (var name in new[] { "Quantity", "UnitPrice", "InvoiceDate", "Description" })
        {
            Assert.Equal(csv[name].Kind, workbook[name].Kind);
            for (var row = 0; row < 200; row++)
            {
                Assert.Equal(csv[name].Format(row), workbook[name].Format(row));
            }
        }

        for (var row = 0; row < 200; row++)
        {
            Assert.Equal(csv["CustomerID"].Format(row), workbook["CustomerID"].Format(row));
        }
    }

    [Fact]
    public void Load_FirstSheetByDefault_AndUnknownSheetNamed()
    {
        // The first sheet ('Notes') holds one line only: read, and refused as header without data.
        var first = Assert.Throws<CsvLoadException>(() => LoadWorkbook());
        var problem = Assert.Throws<CsvLoadException>(() => LoadWorkbook(new CsvLoadOptions { Sheet = "Invoices" }));

        Assert.Contains("no data rows", first.Message, StringComparison.Ordinal);
        Assert.Contains("'Orders'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'Notes'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FromWorkbook_CustomerTable()
    {
        var workbook = LoadWorkbook(new CsvLoadOptions { Sheet = "Orders" });

        var table = CustomerTableBuilder.Build(workbook, RealDataFiles.Options("realdata_invoices.csv"));

        Assert.True(table.Count > 10);
        Assert.Equal(200, table.SourceRows);
    }
}
