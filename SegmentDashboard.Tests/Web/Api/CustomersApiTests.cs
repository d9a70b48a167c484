using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Issue 10's API contract: customer/date/quantity/price/order/category/asOf on /api/segment, /api/export/labeled-csv, /api/analyses, and POST /api/customers.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomersApiTests
{
    private const string InvoiceQuery = "customer=CustomerID&date=InvoiceDate&quantity=Quantity&price=UnitPrice&order=InvoiceNo&category=Description";

    private readonly ApiFixture _fixture;

    public CustomersApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    private static ByteArrayContent File(string name)
    {
        var content = new ByteArrayContent(System.IO.File.ReadAllBytes(RealDataFiles.PathOf(name)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task Segment_WithCustomer_OneLabelPerCustomerAndRfmAlignedWithPandas()
    {
        using var client = _fixture.CreateClient();
        var expected = RealDataFiles.Expected("realdata_invoices.csv");

        using var response = await client.PostAsync("/api/segment?k=3&" + InvoiceQuery, File("realdata_invoices.csv"));

        var json = await SegmentEndpointTests.AssertOkAsync(response);
        var customers = json.GetProperty("customers").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(expected.GetProperty("sourceRows").GetInt32(), json.GetProperty("rows").GetInt32());
        Assert.Equal(expected.GetProperty("customers").EnumerateArray().Select(c => c.GetString()!), customers);
        Assert.Equal(customers.Length, json.GetProperty("usedRows").GetInt32());
        Assert.Equal(customers.Length, json.GetProperty("labels").GetArrayLength());
        var rfm = json.GetProperty("rfm").EnumerateArray().ToArray();
        Assert.Equal(expected.GetProperty("rfm").EnumerateArray().Select(s => s.GetString()!), rfm.Select(r => r.GetProperty("score").GetString()!));
        Assert.Equal(expected.GetProperty("recencyDays").EnumerateArray().Select(v => v.GetDouble()), rfm.Select(r => r.GetProperty("recencyDays").GetDouble()));
        Assert.Equal(expected.GetProperty("frequency").EnumerateArray().Select(v => v.GetInt32()), rfm.Select(r => r.GetProperty("frequency").GetInt32()));
        Assert.All(rfm, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("segment").GetString())));

        // Default features chosen by meaning: customer-level figures, never the id.
        var features = json.GetProperty("features").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.Contains("Orders", features);
        Assert.Contains("Total spend", features);
        Assert.Contains("Days since last order", features);
        Assert.DoesNotContain("CustomerID", features);
    }

    [Fact]
    public async Task Segment_WithoutCustomerOnOrderLines_DefaultFeaturesSkipIdsDatePartsContactsAndStatus()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=3", File("realdata_orderlines.csv"));

        var json = await SegmentEndpointTests.AssertOkAsync(response);
        var features = json.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.NotEmpty(features);
        foreach (var never in new[] { "ORDERNUMBER", "QTR_ID", "MONTH_ID", "YEAR_ID", "PHONE", "ADDRESSLINE1", "POSTALCODE", "CUSTOMERNAME", "CONTACTLASTNAME", "CONTACTFIRSTNAME", "STATUS" })
        {
            Assert.DoesNotContain(never, features);
        }

        Assert.False(json.TryGetProperty("customers", out _));
        Assert.False(json.TryGetProperty("rfm", out _));
    }

    [Fact]
    public async Task Customers_Post_CsvTableToTheCent()
    {
        using var client = _fixture.CreateClient();
        var expected = RealDataFiles.Expected("realdata_orderlines.csv");

        using var response = await client.PostAsync(
            "/api/customers?customer=CUSTOMERNAME&date=ORDERDATE&quantity=QUANTITYORDERED&price=PRICEEACH&order=ORDERNUMBER&category=PRODUCTLINE&asOf=" + expected.GetProperty("asOf").GetString(),
            File("realdata_orderlines.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("CUSTOMERNAME", header[0]);
        Assert.Equal(["R", "F", "M", "RFM score", "RFM segment"], header[^5..]);
        Assert.Equal(expected.GetProperty("customers").GetArrayLength() + 1, lines.Length);
        var spendColumn = Array.IndexOf(header, "Total spend");
        var monetary = expected.GetProperty("monetary").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < monetary.Length; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(expected.GetProperty("customers")[i].GetString(), cells[0]);
            Assert.Equal(monetary[i], double.Parse(cells[spendColumn], System.Globalization.CultureInfo.InvariantCulture), 0.005);
        }
    }

    [Fact]
    public async Task Export_PerLineAndPerCustomer_LabelsAgree()
    {
        using var client = _fixture.CreateClient();
        const string Query = "/api/export/labeled-csv?k=3&seed=1&" + InvoiceQuery;

        using var perCustomer = await client.PostAsync(Query, File("realdata_invoices.csv"));
        using var perLine = await client.PostAsync(Query + "&per=line", File("realdata_invoices.csv"));

        static string[][] Rows(string text) => [.. text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
        var customers = Rows(await perCustomer.Content.ReadAsStringAsync());
        var lines = Rows(await perLine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, perCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, perLine.StatusCode);
        var segmentOf = customers.Skip(1).ToDictionary(c => c[0], c => c[^2]);
        var customerColumn = Array.IndexOf(lines[0], "CustomerID");
        var expected = RealDataFiles.Expected("realdata_invoices.csv");
        Assert.Equal(expected.GetProperty("sourceRows").GetInt32() + 1, lines.Length);
        var labelled = 0;
        foreach (var line in lines.Skip(1))
        {
            if (segmentOf.TryGetValue(line[customerColumn], out var segment) && line[^2].Length > 0)
            {
                Assert.Equal(segment, line[^2]);
                labelled++;
            }
        }

        Assert.True(labelled > 1000, $"only {labelled} lines labelled");
    }

    [Theory]
    [InlineData("/api/segment?customer=Nope", "'customer'")]
    [InlineData("/api/segment?date=InvoiceDate", "'date'")]
    [InlineData("/api/segment?customer=CustomerID&quantity=Quantity", "'price'")]
    [InlineData("/api/segment?customer=CustomerID&date=InvoiceDate&asOf=31/12/2011", "'asOf'")]
    [InlineData("/api/segment?customer=CustomerID&date=Description", "'date'")]
    [InlineData("/api/customers?k=3&customer=CustomerID", "'k'")]
    [InlineData("/api/customers", "'customer'")]
    [InlineData("/api/export/labeled-csv?customer=CustomerID&per=row", "'per'")]
    public async Task BadCustomerParameters_400NamingTheParameter(string url, string named)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync(url, File("realdata_invoices.csv"));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains(named, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyses_WithCustomer_SavesTheCustomerSegmentation()
    {
        using var client = _fixture.CreateClient();

        using var created = await client.PostAsync("/api/analyses?name=invoices&k=3&" + InvoiceQuery, File("realdata_invoices.csv"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var opened = await client.GetAsync(created.Headers.Location);
        var json = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(RealDataFiles.Expected("realdata_invoices.csv").GetProperty("customers").GetArrayLength(), json.GetProperty("labels").GetArrayLength());
    }
}
