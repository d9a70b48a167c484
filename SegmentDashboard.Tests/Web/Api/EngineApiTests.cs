using System.Globalization;
using System.Text;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Issue 12 through POST /api/segment: the plan, DBSCAN's noise share and suggested eps, k above the distinct customers, NaN and 1e200.</summary>
[Collection(ApiCollection.Name)]
public sealed class EngineApiTests
{
    private readonly ApiFixture _fixture;

    public EngineApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    /// <summary>60 rows: Spend has "NaN" strings and 1e200 values, Visits is ordinary.</summary>
    private static string NanAndHugeCsv()
    {
        var csv = new StringBuilder("Spend,Visits\n");
        for (var row = 0; row < 60; row++)
        {
            var spend = (row % 10) switch { 0 => "NaN", 1 => "1e200", _ => (row * 3.5).ToString(CultureInfo.InvariantCulture) };
            csv.Append(CultureInfo.InvariantCulture, $"{spend},{row % 7}\n");
        }

        return csv.ToString();
    }

    [Theory]
    [InlineData("kmeans")]
    [InlineData("hierarchical")]
    public async Task Segment_NanAnd1e200Unscaled_400NamingTheColumnNeverA500(string algorithm)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync($"/api/segment?k=3&scaling=none&algorithm={algorithm}", ApiTestData.Csv(NanAndHugeCsv()));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'Spend'", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zscore")]
    [InlineData("minmax")]
    public async Task Segment_NanAnd1e200Scaled_AnswerOrClear400NeverA500(string scaling)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync($"/api/segment?k=3&scaling={scaling}", ApiTestData.Csv(NanAndHugeCsv()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is 200 or 400, $"{(int)response.StatusCode}: {body}");
    }

    [Fact]
    public async Task Segment_Hierarchical_PlanIsInTheResponse()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?k=3&algorithm=hierarchical&linkage=average", ApiTestData.Csv(ApiTestData.Customers()));

        var json = await ApiTestData.ReadJsonAsync(response);
        var plan = json.GetProperty("plan");
        Assert.Equal("exact", plan.GetProperty("path").GetString());
        Assert.Contains("Average linkage on all 60 customers", plan.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(plan.GetProperty("memoryEstimateBytes").GetInt64() > 0);
        Assert.Equal(2L << 30, plan.GetProperty("memoryBudgetBytes").GetInt64());
        Assert.Equal(0, json.GetProperty("noiseShare").GetDouble());
        Assert.Equal(3, json.GetProperty("effectiveK").GetInt32());
        Assert.False(json.TryGetProperty("suggestedEps", out _));
    }

    [Fact]
    public async Task Segment_Dbscan_NoiseShareAndSuggestedEps()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?algorithm=dbscan&eps=0.3&minSamples=4", ApiTestData.Csv(ApiTestData.Customers()));

        var json = await ApiTestData.ReadJsonAsync(response);
        var labels = json.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()).ToList();
        Assert.Equal(labels.Count(l => l < 0) / 60.0, json.GetProperty("noiseShare").GetDouble(), 9);
        Assert.True(json.GetProperty("suggestedEps").GetDouble() > 0);
    }

    [Fact]
    public async Task Segment_KAboveTheDistinctCustomers_EffectiveKMessage()
    {
        using var client = _fixture.CreateClient();
        var csv = new StringBuilder("Spend,Visits\n");
        for (var row = 0; row < 30; row++)
        {
            csv.Append(row % 2 == 0 ? "10,1\n" : "90,5\n");
        }

        using var response = await client.PostAsync("/api/segment?k=5", ApiTestData.Csv(csv.ToString()));

        var json = await ApiTestData.ReadJsonAsync(response);
        Assert.Contains("only 2 distinct customers", json.GetProperty("effectiveKMessage").GetString(), StringComparison.Ordinal);
    }
}
