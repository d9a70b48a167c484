namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Upload:MaxColumns and Upload:MaxRows are configurable and refused with a message naming the limit.</summary>
[Collection(ApiCollection.Name)]
public sealed class ShapeLimitTests
{
    private readonly ApiFixture _fixture;

    public ShapeLimitTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Segment_MoreColumnsThanUploadMaxColumns_400NamingTheLimit()
    {
        using var factory = _fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("Upload:MaxColumns", "3"));
        using var client = factory.CreateClient();
        var csv = "a,b,c,d\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i * 2},{i % 3},{i % 5}\n"));

        using var response = await client.PostAsync("/api/segment?k=2", ApiTestData.Csv(csv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("3", detail, StringComparison.Ordinal);
        Assert.Contains("column", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Segment_MoreRowsThanUploadMaxRows_400NamingTheLimit()
    {
        using var factory = _fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("Upload:MaxRows", "10"));
        using var client = factory.CreateClient();
        var csv = "a,b\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i * 2}\n"));

        using var response = await client.PostAsync("/api/segment?k=2", ApiTestData.Csv(csv));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("10", detail, StringComparison.Ordinal);
        Assert.Contains("row", detail, StringComparison.OrdinalIgnoreCase);
    }
}
