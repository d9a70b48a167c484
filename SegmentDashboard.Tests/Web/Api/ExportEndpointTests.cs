using System.Net;
using System.Text;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>POST /api/export/labeled-csv: the same pipeline as /api/segment, answered with the labeled CSV.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportEndpointTests
{
    private static readonly string CustomersCsv = ApiTestData.Customers(4, 17);

    private readonly ApiFixture _fixture;

    public ExportEndpointTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Export_Upload_AttachmentWithEveryRowAndItsSegment()
    {
        using var client = _fixture.CreateClient();
        const string Query = "?k=3&features=Age,Income,Score&missing=drop";

        using var segment = await client.PostAsync("/api/segment" + Query, ApiTestData.Csv(CustomersCsv));
        using var export = await client.PostAsync("/api/export/labeled-csv" + Query, ApiTestData.Multipart(CustomersCsv));

        var labels = SegmentEndpointTests.Ints((await SegmentEndpointTests.AssertOkAsync(segment)).GetProperty("labels"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", export.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("customers-segments.csv", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(61, lines.Count);
        Assert.StartsWith("CustomerID,Age,Income,Score,Region,", lines[0], StringComparison.Ordinal);
        var original = CustomersCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var row = 0; row < 60; row++)
        {
            Assert.StartsWith(original[row + 1] + ",", lines[row + 1], StringComparison.Ordinal);
        }

        // Rows in the same segment carry the same segment cell (the first column after the original ones).
        var segmentCells = lines.Skip(1).Select(l => l.Split(',')[5]).ToArray();
        var used = Enumerable.Range(0, 60).Where(i => labels[i] >= 0).ToArray();
        Support.Partitions.AssertEquivalent(used.Select(i => labels[i]).ToArray(), used.Select(i => segmentCells[i].GetHashCode(StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Export_BadParameter_400ProblemNamingIt()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/export/labeled-csv?linkage=median", ApiTestData.Csv(CustomersCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'linkage'", detail, StringComparison.Ordinal);
    }
}
