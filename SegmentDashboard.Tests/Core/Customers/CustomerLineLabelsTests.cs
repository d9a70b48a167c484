using SegmentDashboard.Core.Customers;

namespace SegmentDashboard.Tests.Core.Customers;

public class CustomerLineLabelsTests
{
    [Fact]
    public void Of_InvoiceLines_EachLineGetsItsCustomersLabelAndLeftOutLinesMinusOne()
    {
        var invoices = RealDataFiles.Load("realdata_invoices.csv");
        var table = CustomerTableBuilder.Build(invoices, RealDataFiles.Options("realdata_invoices.csv"));
        var customerLabels = Enumerable.Range(0, table.Count).Select(c => c % 3).ToArray();

        var lines = CustomerLineLabels.Of(table, customerLabels);

        Assert.Equal(invoices.RowCount, lines.Length);
        var customer = invoices["CustomerID"];
        for (var line = 0; line < lines.Length; line++)
        {
            var row = table.RowCustomer[line];
            Assert.Equal(row < 0 ? -1 : customerLabels[row], lines[line]);
            if (row >= 0)
            {
                Assert.Equal(table.CustomerIds[row], customer.Format(line));
            }
        }

        var withoutCustomer = Enumerable.Range(0, lines.Length).Where(customer.IsMissing).ToList();
        Assert.Equal(table.RowsWithoutCustomer, withoutCustomer.Count);
        Assert.NotEmpty(withoutCustomer);
        Assert.All(withoutCustomer, line => Assert.Equal(-1, lines[line]));
    }

    [Fact]
    public void Of_WrongLabelCount_Refused()
    {
        var table = CustomerTableBuilder.Build(RealDataFiles.Load("realdata_invoices.csv"), RealDataFiles.Options("realdata_invoices.csv"));

        var problem = Assert.Throws<ArgumentException>(() => CustomerLineLabels.Of(table, new int[table.Count + 1]));

        Assert.Contains("one label per customer", problem.Message, StringComparison.Ordinal);
    }
}
