using System.Text;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Upload:MaxBytes (1000 bytes in this host): refused by Content-Length up front, or while a chunked body streams.</summary>
[Collection(ApiCollection.Name)]
public sealed class UploadLimitTests
{
    private readonly ApiFixture _fixture;

    public UploadLimitTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Segment_ContentLengthOverTheLimit_413NamingTheLimit()
    {
        using var client = _fixture.SmallLimitFactory.CreateClient();
        var csv = ApiTestData.Customers();
        Assert.True(Encoding.UTF8.GetByteCount(csv) > ApiFixture.SmallLimit);

        using var response = await client.PostAsync("/api/segment?k=3", ApiTestData.Csv(csv));

        var detail = await ApiTestData.AssertProblemAsync(response, 413);
        Assert.Contains("1,000 bytes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_ChunkedBodyOverTheLimit_413()
    {
        using var client = _fixture.SmallLimitFactory.CreateClient();
        var body = new GeneratedCsvStream(Encoding.UTF8.GetBytes("Age,Income\n" + string.Concat(Enumerable.Repeat("31,45\n", 500))), repeat: 5_000);

        using var response = await client.PostAsync("/api/segment?k=3", body.ToContent());

        // TestServer itself drains the whole request body, so how much the endpoint read is
        // checked in CsvUploadTests; here the status and the problem JSON.
        var detail = await ApiTestData.AssertProblemAsync(response, 413);
        Assert.Contains("1,000 bytes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_MultipartFileOverTheLimit_413()
    {
        using var client = _fixture.SmallLimitFactory.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=3", ApiTestData.Multipart(ApiTestData.Customers()));

        await ApiTestData.AssertProblemAsync(response, 413);
    }

    [Fact]
    public async Task Export_ContentLengthOverTheLimit_413()
    {
        using var client = _fixture.SmallLimitFactory.CreateClient();

        using var response = await client.PostAsync("/api/export/labeled-csv?k=3", ApiTestData.Csv(ApiTestData.Customers()));

        await ApiTestData.AssertProblemAsync(response, 413);
    }
}
