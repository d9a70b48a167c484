using System.Text.Json;
using SegmentDashboard.Benchmarks;

namespace SegmentDashboard.Tests.Benchmarks;

/// <summary>The customers benchmark command runs (small) so it cannot rot; its figures are in BENCHMARKS.md.</summary>
public class CustomersCommandTests
{
    [Fact]
    public void Run_SmallGeneratedFile_ReportsCustomersAndCounts()
    {
        using var output = new StringWriter();

        var exit = CustomersCommand.Run(["--rows", "5000", "--repeat", "1"], output);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(5000, json.GetProperty("lines").GetInt32());
        Assert.InRange(json.GetProperty("customers").GetInt32(), 10, 50);
        Assert.True(json.GetProperty("rowsWithoutCustomer").GetInt32() > 0);
        Assert.True(json.GetProperty("returnRows").GetInt32() > 0);
    }
}
