using System.Net;
using System.Text.Json;
using SegmentDashboard.Core.Evaluation;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>POST /api/compare with <c>b.analysis=ID</c>: run B is a saved analysis of the same customers.</summary>
public sealed class CompareSavedAnalysisApiTests(AnalysesApiFixture fixture) : IClassFixture<AnalysesApiFixture>
{
    private static readonly string CustomersCsv = ApiTestData.Customers(4, 17);

    [Fact]
    public async Task Compare_WithSavedAnalysis_AriNmiAgreeWithTheSavedLabels()
    {
        // Arrange: save a hierarchical run, then compare a K-means run of the same file against it.
        using var client = fixture.Factory.CreateClient();
        var id = await SaveAsync(client, "algorithm=hierarchical&linkage=average&k=4");
        var saved = await LabelsAsync(client, $"/api/analyses/{id}", get: true);
        var labelsA = await LabelsAsync(client, "/api/segment?k=3&seed=1", get: false);

        // Act
        using var response = await client.PostAsync($"/api/compare?a.k=3&a.seed=1&b.analysis={id}", ApiTestData.Csv(CustomersCsv));

        // Assert
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(AdjustedRandIndex.Compute(labelsA, saved), json.GetProperty("ari").GetDouble(), 1e-12);
        Assert.Equal(NormalizedMutualInfo.Compute(labelsA, saved), json.GetProperty("nmi").GetDouble(), 1e-12);
        Assert.True(AdjustedRandIndex.Compute(labelsA, saved) < 1, "The two runs should differ, or the test proves nothing.");
        foreach (var moved in json.GetProperty("moved").EnumerateArray())
        {
            Assert.Equal(saved[moved.GetProperty("row").GetInt32()], moved.GetProperty("to").GetInt32());
        }
    }

    [Fact]
    public async Task Compare_SavedAnalysisOfOtherRowCount_Is400NamingTheRows()
    {
        using var client = fixture.Factory.CreateClient();
        var id = await SaveAsync(client, "k=3");

        using var response = await client.PostAsync($"/api/compare?a.k=3&b.analysis={id}", ApiTestData.Csv(string.Join('\n', CustomersCsv.Split('\n').Take(30))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rows", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnknownSavedAnalysis_Is404()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.PostAsync("/api/compare?a.k=3&b.analysis=doesnotexist", ApiTestData.Csv(CustomersCsv));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Compare_SavedAnalysisWithOtherBParameters_Is400NamingBAnalysis()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.PostAsync("/api/compare?a.k=3&b.analysis=abc&b.k=4", ApiTestData.Csv(CustomersCsv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("b.analysis", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> SaveAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync($"/api/analyses?name=compare-me&{query}", ApiTestData.Csv(CustomersCsv));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<int[]> LabelsAsync(HttpClient client, string url, bool get)
    {
        using var response = get ? await client.GetAsync(url) : await client.PostAsync(url, ApiTestData.Csv(CustomersCsv));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32())];
    }
}
