using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Core.Data;

public class WorkbookSheetsTests
{
    [Fact]
    public void Read_TwoSheetWorkbook_NamesInOrder()
    {
        using var stream = File.OpenRead(RealDataFiles.PathOf("realdata_orders.xlsx"));

        var sheets = WorkbookSheets.Read(stream);

        Assert.Equal(["Notes", "Orders"], sheets.ToArray());
    }

    [Fact]
    public void Load_ChosenSheet_DialectSaysWhichOfWhich()
    {
        using var stream = File.OpenRead(RealDataFiles.PathOf("realdata_orders.xlsx"));

        var dataset = CsvLoader.Load(stream, "realdata_orders.xlsx", new CsvLoadOptions { Sheet = "orders" });

        Assert.Equal("Orders", dataset.Dialect!.Sheet);
        Assert.Equal(["Notes", "Orders"], dataset.Dialect.Sheets.ToArray());
    }

    [Fact]
    public void Read_NotAWorkbook_RefusedWithTheLoadersMessage()
    {
        using var stream = new MemoryStream("PK\u0003\u0004 not really a zip"u8.ToArray());

        var problem = Assert.Throws<CsvLoadException>(() => WorkbookSheets.Read(stream));

        Assert.Contains("no workbook sheet could be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Csv_NoSheets()
    {
        var dataset = CsvLoader.LoadText("a,b\n1,2\n3,4\n");

        Assert.Null(dataset.Dialect!.Sheet);
        Assert.Empty(dataset.Dialect.Sheets);
        Assert.False(WorkbookSheets.LooksLikeWorkbook("a,b\n"u8));
    }
}
