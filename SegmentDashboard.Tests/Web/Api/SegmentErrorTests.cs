using System.Net.Http.Headers;
using System.Text;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Every refusal of POST /api/segment is problem JSON with a status and a detail a person can act on.</summary>
[Collection(ApiCollection.Name)]
public sealed class SegmentErrorTests
{
    private static readonly string CustomersCsv = ApiTestData.Customers(4, 17);

    private readonly ApiFixture _fixture;

    public SegmentErrorTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("?k=1", "k")]
    [InlineData("?k=abc", "k")]
    [InlineData("?k=2.5", "k")]
    [InlineData("?eps=0", "eps")]
    [InlineData("?eps=-1", "eps")]
    [InlineData("?eps=abc", "eps")]
    [InlineData("?eps=0,5", "eps")]
    [InlineData("?minSamples=0", "minSamples")]
    [InlineData("?seed=abc", "seed")]
    [InlineData("?restarts=0", "restarts")]
    [InlineData("?algorithm=kmedoids", "algorithm")]
    [InlineData("?linkage=centroid", "linkage")]
    [InlineData("?scaling=log", "scaling")]
    [InlineData("?missing=zero", "missing")]
    [InlineData("?clusters=4", "clusters")]
    public async Task Segment_BadParameter_400NamingIt(string query, string parameter)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment" + query, ApiTestData.Csv(CustomersCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains($"'{parameter}'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_UnknownFeature_400NamingTheParameterAndTheColumn()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=3&features=Age,Salary", ApiTestData.Csv(CustomersCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'features'", detail, StringComparison.Ordinal);
        Assert.Contains("'Salary'", detail, StringComparison.Ordinal);
        Assert.Contains("'Income'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_FeatureInWrongCase_400SuggestingTheExactName()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=3&features=age,Income", ApiTestData.Csv(CustomersCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("Did you mean 'Age'?", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_KAboveTheRowCount_400NamingK()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=61", ApiTestData.Csv(CustomersCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'k'", detail, StringComparison.Ordinal);
        Assert.Contains("60", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_KAboveTheUsableRowsAfterDropping_400NamingK()
    {
        using var client = _fixture.CreateClient();

        // 60 rows in the file, 58 left after dropping the two with a missing Income.
        using var response = await client.PostAsync("/api/segment?k=60&features=Age,Income&missing=drop", ApiTestData.Csv(CustomersCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'k'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_EmptyBody_400SayingHowToSendTheFile()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment", ApiTestData.Csv(string.Empty));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("empty", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Segment_HeaderOnly_400()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment", ApiTestData.Csv("Age,Income\n"));

        await ApiTestData.AssertProblemAsync(response, 400);
    }

    [Fact]
    public async Task Segment_BinaryBody_400()
    {
        using var client = _fixture.CreateClient();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5C, 0x72, 0xA8, 0x66, 0, 0, 0, 0, 0, 0 };
        var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await client.PostAsync("/api/segment", content);

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("binary", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Segment_UnclosedQuote_400WithTheLineNumber()
    {
        using var client = _fixture.CreateClient();
        var csv = "Age,Income,Note\n25,20,fine\n31,40,\"starts here\n44,50,never closed\n";

        using var response = await client.PostAsync("/api/segment?k=2", ApiTestData.Csv(csv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("line 3", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Segment_JsonContentType_415()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment", new StringContent("{\"rows\":[]}", Encoding.UTF8, "application/json"));

        var detail = await ApiTestData.AssertProblemAsync(response, 415);
        Assert.Contains("text/csv", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_MultipartWithoutFilePart_400NamingThePart()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment", ApiTestData.Multipart(CustomersCsv, partName: "upload"));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'file'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_MalformedMultipart_400()
    {
        using var client = _fixture.CreateClient();
        var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nAge\n1\n", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        using var response = await client.PostAsync("/api/segment", content);

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("multipart", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Segment_Errors_LeaveNoTemporaryFiles()
    {
        using var client = _fixture.CreateClient();
        var before = TemporaryUploads();

        using (await client.PostAsync("/api/segment", ApiTestData.Multipart(CustomersCsv, partName: "upload")))
        using (await client.PostAsync("/api/segment", ApiTestData.Csv(string.Empty)))
        using (await client.PostAsync("/api/segment?k=3&features=Nope", ApiTestData.Csv(CustomersCsv)))
        {
        }

        Assert.Empty(TemporaryUploads().Except(before));
    }

    private static HashSet<string> TemporaryUploads() =>
        Directory.EnumerateFiles(Path.GetTempPath(), "segmentdashboard-*").ToHashSet(StringComparer.Ordinal);
}
