using System.Net;
using System.Text.Json;
using SegmentDashboard.Core.Evaluation;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>POST /api/compare: two runs of one file, a.- and b.-prefixed parameters.</summary>
[Collection(ApiCollection.Name)]
public sealed class CompareApiTests
{
    private static readonly string CustomersCsv = ApiTestData.Customers(4, 17);

    private readonly ApiFixture _fixture;

    public CompareApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Compare_TwoRuns_AriNmiContingencyAndMovedAgreeWithTheTwoSegmentCalls()
    {
        // Arrange
        using var client = _fixture.CreateClient();
        var labelsA = await LabelsAsync(client, "?k=3&seed=1");
        var labelsB = await LabelsAsync(client, "?k=4&algorithm=hierarchical&linkage=average");

        // Act
        using var response = await client.PostAsync("/api/compare?a.k=3&a.seed=1&b.k=4&b.algorithm=hierarchical&b.linkage=average", ApiTestData.Csv(CustomersCsv));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(AdjustedRandIndex.Compute(labelsA, labelsB), json.GetProperty("ari").GetDouble(), 1e-12);
        Assert.Equal(NormalizedMutualInfo.Compute(labelsA, labelsB), json.GetProperty("nmi").GetDouble(), 1e-12);
        var counts = json.GetProperty("contingency").GetProperty("counts").EnumerateArray().Select(row => row.EnumerateArray().Sum(v => v.GetInt64())).Sum();
        Assert.Equal(labelsA.Length, counts);
        foreach (var moved in json.GetProperty("moved").EnumerateArray())
        {
            var row = moved.GetProperty("row").GetInt32();
            Assert.Equal(labelsA[row], moved.GetProperty("from").GetInt32());
            Assert.Equal(labelsB[row], moved.GetProperty("to").GetInt32());
        }
    }

    [Fact]
    public async Task Compare_UnprefixedParameter_Is400NamingIt()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/compare?k=3", ApiTestData.Csv(CustomersCsv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'k'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<int[]> LabelsAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync("/api/segment" + query, ApiTestData.Csv(CustomersCsv));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. json.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32())];
    }
}
