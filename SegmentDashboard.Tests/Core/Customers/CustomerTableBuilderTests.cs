using System.Text.Json;
using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Tests.Core.Customers;

public class CustomerTableBuilderTests
{
    public static TheoryData<string> Files() => [.. RealDataFiles.Transactions];

    private static double[] Values(CustomerTable table, string column) =>
        [.. ((NumericColumn)table.Customers[column]).Values];

    private static double[] Numbers(JsonElement expected, string name) =>
        [.. expected.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];

    private static void AssertCents(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 0.005, $"row {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Build_GeneratedTransactions_MatchesPandasGroupbyToTheCentAndTheDay(string file)
    {
        // Arrange
        var dataset = RealDataFiles.Load(file);
        var expected = RealDataFiles.Expected(file);

        // Act
        var table = CustomerTableBuilder.Build(dataset, RealDataFiles.Options(file));

        // Assert: counts said on the page
        Assert.Equal(expected.GetProperty("sourceRows").GetInt32(), table.SourceRows);
        Assert.Equal(expected.GetProperty("rowsWithoutCustomer").GetInt32(), table.RowsWithoutCustomer);
        Assert.Equal(expected.GetProperty("rowsWithoutValue").GetInt32(), table.RowsWithoutValue);
        Assert.Equal(expected.GetProperty("returnRows").GetInt32(), table.ReturnRows);
        Assert.Equal(expected.GetProperty("customersWithOnlyReturns").GetInt32(), table.CustomersWithOnlyReturns);
        Assert.Equal(DateOnly.Parse(expected.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture), table.AsOf);

        // Customers (ids decoded correctly, in order of first appearance) and their figures
        Assert.Equal(expected.GetProperty("customers").EnumerateArray().Select(v => v.GetString()!), table.CustomerIds);
        Assert.Equal(Numbers(expected, "recencyDays"), Values(table, CustomerTableBuilder.RecencyName));
        Assert.Equal(Numbers(expected, "tenureDays"), Values(table, CustomerTableBuilder.TenureName));
        Assert.Equal(Numbers(expected, "frequency"), Values(table, CustomerTableBuilder.FrequencyName));
        Assert.Equal(Numbers(expected, "distinctProducts"), Values(table, CustomerTableBuilder.DistinctProductsName));
        AssertCents(Numbers(expected, "monetary"), Values(table, CustomerTableBuilder.MonetaryName));
        AssertCents(Numbers(expected, "averageOrderValue"), Values(table, CustomerTableBuilder.AverageOrderValueName));
        foreach (var share in expected.GetProperty("shares").EnumerateObject())
        {
            var actual = Values(table, CustomerTableBuilder.SharePrefix + share.Name);
            var want = share.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(want.Length, actual.Length);
            for (var i = 0; i < want.Length; i++)
            {
                Assert.Equal(want[i], actual[i], 1e-6);
            }
        }

        Assert.Equal(expected.GetProperty("shares").EnumerateObject().Count(), table.Features.Count(f => f.StartsWith(CustomerTableBuilder.SharePrefix, StringComparison.Ordinal)));
        Assert.Equal(expected.GetProperty("rfm").EnumerateArray().Select(v => v.GetString()!), table.Rfm.Select(r => r.Score));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Build_GeneratedTransactions_EveryKeptRowPointsAtItsCustomer(string file)
    {
        var dataset = RealDataFiles.Load(file);
        var options = RealDataFiles.Options(file);

        var table = CustomerTableBuilder.Build(dataset, options);

        var customerColumn = dataset[options.CustomerColumn];
        var left = 0;
        for (var row = 0; row < dataset.RowCount; row++)
        {
            var customer = table.RowCustomer[row];
            if (customer < 0)
            {
                left++;
                continue;
            }

            Assert.Equal(table.CustomerIds[customer], customerColumn.Format(row).Trim());
        }

        Assert.Equal(table.RowsWithoutCustomer + table.RowsWithoutValue, left);
    }

    [Fact]
    public void Build_NoOrderColumnNoDate_EachRowIsOneOrderAndNoRecency()
    {
        var dataset = CsvLoader.LoadText("who,amount\nann,10\nbob,5\nann,2.5\n,7\nann,-1\n");

        var table = CustomerTableBuilder.Build(dataset, new CustomerTableOptions { CustomerColumn = "who", AmountColumn = "amount" });

        Assert.Equal(["ann", "bob"], table.CustomerIds.ToArray());
        Assert.Equal([2.0, 1], Values(table, CustomerTableBuilder.FrequencyName));
        Assert.Equal([11.5, 5], Values(table, CustomerTableBuilder.MonetaryName));
        Assert.Null(table.Customers.Find(CustomerTableBuilder.RecencyName));
        Assert.Null(table.AsOf);
        Assert.Equal(1, table.RowsWithoutCustomer);
        Assert.Equal(1, table.ReturnRows);
        Assert.Equal([0, 1, 0, -1, 0], table.RowCustomer.ToArray());
        Assert.All(table.Rfm, r => Assert.Equal(0, r.R));
    }

    [Fact]
    public void Build_CustomerWithOnlyReturns_LeftOutAndCounted()
    {
        var dataset = CsvLoader.LoadText("Invoice,Customer,Qty,Price,Date\n1,a,2,5,2024-01-01\nC2,b,-1,5,2024-01-02\n3,a,1,5,2024-01-10\n");

        var table = CustomerTableBuilder.Build(dataset, new CustomerTableOptions
        {
            CustomerColumn = "Customer", OrderColumn = "Invoice", QuantityColumn = "Qty", PriceColumn = "Price", DateColumn = "Date",
            AsOf = new DateOnly(2024, 1, 20),
        });

        Assert.Equal(["a"], table.CustomerIds.ToArray());
        Assert.Equal(1, table.CustomersWithOnlyReturns);
        Assert.Equal([10.0], Values(table, CustomerTableBuilder.RecencyName));
        Assert.Equal([19.0], Values(table, CustomerTableBuilder.TenureName));
        Assert.Equal([0, -1, 0], table.RowCustomer.ToArray());
    }

    [Fact]
    public void Build_UnknownOrWrongKindColumn_MessageNamesTheColumn()
    {
        var dataset = CsvLoader.LoadText("who,amount,day\nann,10,x\nbob,5,y\n");

        var unknown = Assert.Throws<InvalidInputException>(() => CustomerTableBuilder.Build(dataset, new CustomerTableOptions { CustomerColumn = "client" }));
        var notDates = Assert.Throws<InvalidInputException>(() => CustomerTableBuilder.Build(dataset, new CustomerTableOptions { CustomerColumn = "who", DateColumn = "day" }));
        var halfSpend = Assert.Throws<InvalidInputException>(() => CustomerTableBuilder.Build(dataset, new CustomerTableOptions { CustomerColumn = "who", QuantityColumn = "amount" }));

        Assert.Contains("'client'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(CustomerTableOptions.CustomerColumn), unknown.ParamName);
        Assert.Contains("'day'", notDates.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(CustomerTableOptions.DateColumn), notDates.ParamName);
        Assert.Equal(nameof(CustomerTableOptions.PriceColumn), halfSpend.ParamName);
    }

    [Fact]
    public void Build_DoesNotModifyTheTransactions()
    {
        var dataset = RealDataFiles.Load("realdata_invoices.csv");
        var before = dataset.Columns.Select(c => Enumerable.Range(0, c.Count).Select(c.Format).ToArray()).ToArray();

        CustomerTableBuilder.Build(dataset, RealDataFiles.Options("realdata_invoices.csv"));

        var after = dataset.Columns.Select(c => Enumerable.Range(0, c.Count).Select(c.Format).ToArray()).ToArray();
        Assert.Equal(before, after);
    }
}
