using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Api;

[Collection(ApiCollection.Name)]
public sealed class SampleEndpointTests
{
    private readonly ApiFixture _fixture;

    public SampleEndpointTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task GetSample_Utf8CsvOfTheBuiltInSample()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.GetAsync("/api/sample.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(SampleCustomers.ToCsv(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetSample_LoadsBackToTheServiceSample()
    {
        using var client = _fixture.CreateClient();
        var service = _fixture.Factory.Services.GetRequiredService<SegmentationService>();

        var bytes = await client.GetByteArrayAsync("/api/sample.csv");
        using var stream = new MemoryStream(bytes);
        var loaded = await service.LoadCsvAsync(stream, "sample.csv");

        var sample = service.Sample();
        Assert.Equal(sample.RowCount, loaded.RowCount);
        Assert.Equal(sample.Columns.Select(c => c.Name), loaded.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task PostSampleBack_Segments()
    {
        using var client = _fixture.CreateClient();
        var csv = await client.GetStringAsync("/api/sample.csv");

        using var response = await client.PostAsync("/api/segment?k=4&seed=1", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var json = await SegmentEndpointTests.AssertOkAsync(response);
        Assert.Equal(SampleCustomers.DefaultRows, json.GetProperty("rows").GetInt32());
        Assert.Equal(SampleCustomers.DefaultRows, json.GetProperty("labels").GetArrayLength());
        Assert.Equal(4, json.GetProperty("k").GetInt32());
    }
}
