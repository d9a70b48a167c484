using System.Text.Json;
using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Customers;

/// <summary>The generated transactions files of issue 10 and their pandas reference (SegmentDashboard.Tests/Reference/realdata_*).</summary>
public static class RealDataFiles
{
    public static readonly string[] Transactions = ["realdata_orderlines.csv", "realdata_invoices.csv", "realdata_cp850.csv"];

    private static readonly Lazy<JsonElement> ExpectedLazy = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(PathOf("realdata_expected.json"))).RootElement.GetProperty("files"));

    public static string PathOf(string file) => Path.Combine(TestPaths.RepoRoot, "SegmentDashboard.Tests", "Reference", file);

    public static Dataset Load(string file)
    {
        using var stream = File.OpenRead(PathOf(file));
        return CsvLoader.Load(stream, file);
    }

    public static JsonElement Expected(string file) => ExpectedLazy.Value.GetProperty(file);

    /// <summary>The column choice the reference used for <paramref name="file"/>.</summary>
    public static CustomerTableOptions Options(string file)
    {
        var expected = Expected(file);
        string? Get(string name) => expected.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new CustomerTableOptions
        {
            CustomerColumn = Get("customer")!,
            DateColumn = Get("date"),
            AmountColumn = Get("amount"),
            QuantityColumn = Get("quantity"),
            PriceColumn = Get("price"),
            OrderColumn = Get("order"),
            CategoryColumn = Get("category"),
        };
    }
}
