using System.Net;
using System.Text.Json;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>The app serves an OpenAPI document of its HTTP API, /api/compare included.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests
{
    private readonly ApiFixture _fixture;

    public OpenApiDocumentTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task OpenApi_Document_ListsSegmentAndCompareAsPost()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/compare").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/segment").TryGetProperty("post", out _));
    }
}
