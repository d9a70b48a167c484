using System.Net.Http.Headers;
using System.Text;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Issue 10: dates as derived features in the API's features, and contact columns left out of API exports unless includeContact=true.</summary>
[Collection(ApiCollection.Name)]
public sealed class DerivedAndContactApiTests
{
    private const string OrderLines = "customer=CUSTOMERNAME&date=ORDERDATE&quantity=QUANTITYORDERED&price=PRICEEACH&order=ORDERNUMBER";

    private readonly ApiFixture _fixture;

    public DerivedAndContactApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    private static ByteArrayContent File(string name)
    {
        var content = new ByteArrayContent(System.IO.File.ReadAllBytes(RealDataFiles.PathOf(name)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private async Task<string[][]> ExportAsync(string query, string file)
    {
        using var client = _fixture.CreateClient();
        using var response = await client.PostAsync("/api/export/labeled-csv?" + query, File(file));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return [.. Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(','))];
    }

    [Fact]
    public async Task Segment_CampaignFile_FeaturesListTheDerivedNamesNotRawDatesOrBirthYear()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=3", File("realcore_campaign.csv"));

        var json = await SegmentEndpointTests.AssertOkAsync(response);
        var features = json.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.Contains("Tenure (days)", features);
        Assert.Contains("Days since Last_Purchase", features);
        Assert.Contains("Age", features);
        foreach (var never in new[] { "ID", "Year_Birth", "Dt_Customer", "Last_Purchase", "Name", "Email", "Phone" })
        {
            Assert.DoesNotContain(never, features);
        }

        var derived = json.GetProperty("derived").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal("Dt_Customer", derived["Tenure (days)"].GetProperty("source").GetString());
        Assert.Equal("age", derived["Age"].GetProperty("kind").GetString());
        Assert.Contains("2014-10-04", derived["Age"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CampaignFile_ContactColumnsOutDerivedColumnsIn()
    {
        var rows = await ExportAsync("k=3", "realcore_campaign.csv");

        var header = rows[0];
        Assert.Equal("ID", header[0]);
        Assert.DoesNotContain("Name", header);
        Assert.DoesNotContain("Email", header);
        Assert.DoesNotContain("Phone", header);
        Assert.Contains("Tenure (days)", header);
        var age = Array.IndexOf(header, "Age");
        Assert.Equal("121", rows[1][age]); // born 1893, counted to the last date in the file (2014-10-04)
        Assert.DoesNotContain(rows.Skip(1), row => row.Any(cell => cell.Contains("@example.com", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_IncludeContactTrue_ContactColumnsIn()
    {
        var rows = await ExportAsync("k=3&includeContact=true", "realcore_campaign.csv");

        Assert.Contains("Name", rows[0]);
        Assert.Contains("Email", rows[0]);
        Assert.Equal("customer0@example.com", rows[1][Array.IndexOf(rows[0], "Email")]);
    }

    [Fact]
    public async Task Export_AsOfWithoutCustomer_DerivedFeaturesCountedToIt()
    {
        var rows = await ExportAsync("k=3&asOf=2024-10-04", "realcore_campaign.csv");

        Assert.Equal("131", rows[1][Array.IndexOf(rows[0], "Age")]);
        Assert.Equal("3668", rows[1][Array.IndexOf(rows[0], "Days since Last_Purchase")]); // 2014-09-19 + 15 days + 3653 (ten years, three 29 Februaries)
    }

    [Theory]
    [InlineData("/api/export/labeled-csv?k=3&includeContact=maybe", "'includeContact'")]
    [InlineData("/api/segment?k=3&asOf=04/10/2014", "'asOf'")]
    public async Task BadParameter_400ProblemNamingIt(string url, string named)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync(url, File("realcore_campaign.csv"));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains(named, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OrderLinesPerLine_CustomerColumnKeptContactColumnsOut()
    {
        var rows = await ExportAsync("k=3&per=line&" + OrderLines, "realdata_orderlines.csv");

        var header = rows[0];
        Assert.Contains("CUSTOMERNAME", header);
        Assert.Contains("ORDERNUMBER", header);
        foreach (var contact in new[] { "PHONE", "ADDRESSLINE1", "POSTALCODE", "CONTACTLASTNAME", "CONTACTFIRSTNAME" })
        {
            Assert.DoesNotContain(contact, header);
        }
    }

    [Fact]
    public async Task Export_OrderLinesPerCustomer_CustomerColumnFirst()
    {
        var rows = await ExportAsync("k=3&" + OrderLines, "realdata_orderlines.csv");

        Assert.Equal("CUSTOMERNAME", rows[0][0]);
        Assert.False(string.IsNullOrEmpty(rows[1][0]));
    }
}
