using System.Net;
using System.Text.Json;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Issue 11's contract for mixed data: algorithm=kprototypes with gamma, and the distance field.</summary>
[Collection(ApiCollection.Name)]
public sealed class KPrototypesApiTests
{
    private readonly ApiFixture _fixture;

    public KPrototypesApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Segment_KPrototypesOnTheSample_LabelsEveryRowWithGowerAndTheDefaultGamma()
    {
        // Arrange: the sample mixes numbers with Sex and PreferredCategory.
        using var client = _fixture.CreateClient();
        var csv = await client.GetStringAsync("/api/sample.csv");

        // Act
        using var response = await client.PostAsync("/api/segment?algorithm=kprototypes&k=4&seed=1", ApiTestData.Csv(csv));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("kprototypes", json.GetProperty("algorithm").GetString());
        Assert.Equal("gower", json.GetProperty("distance").GetString());
        Assert.Equal(4, json.GetProperty("k").GetInt32());
        // z-scored numbers: Huang's default (half the mean SD) is 0.5.
        Assert.Equal(0.5, json.GetProperty("gamma").GetDouble(), 1e-9);
        var labels = json.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(json.GetProperty("rows").GetInt32(), labels.Length);
        Assert.Equal([0, 1, 2, 3], labels.Where(label => label >= 0).Distinct().Order().ToArray());
        Assert.InRange(json.GetProperty("metrics").GetProperty("silhouette").GetDouble(), -1.0, 1.0);
        Assert.Equal("exact", json.GetProperty("plan").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Segment_KPrototypesWithGamma_UsesItAndAnotherGammaChangesTheSegments()
    {
        using var client = _fixture.CreateClient();
        var csv = await client.GetStringAsync("/api/sample.csv");

        using var small = await client.PostAsync("/api/segment?algorithm=kprototypes&k=4&seed=1&gamma=0", ApiTestData.Csv(csv));
        using var large = await client.PostAsync("/api/segment?algorithm=kprototypes&k=4&seed=1&gamma=25", ApiTestData.Csv(csv));

        var a = JsonDocument.Parse(await small.Content.ReadAsStringAsync()).RootElement;
        var b = JsonDocument.Parse(await large.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0.0, a.GetProperty("gamma").GetDouble());
        Assert.Equal(25.0, b.GetProperty("gamma").GetDouble());
        var labelsA = a.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var labelsB = b.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.NotEqual(labelsA, labelsB);
    }

    [Fact]
    public async Task Segment_HierarchicalAverageOnTheSample_SaysGowerAndKMeansSaysEuclidean()
    {
        using var client = _fixture.CreateClient();
        var csv = await client.GetStringAsync("/api/sample.csv");

        using var average = await client.PostAsync("/api/segment?algorithm=hierarchical&linkage=average&k=4", ApiTestData.Csv(csv));
        using var kmeans = await client.PostAsync("/api/segment?k=4", ApiTestData.Csv(csv));

        var a = JsonDocument.Parse(await average.Content.ReadAsStringAsync()).RootElement;
        var k = JsonDocument.Parse(await kmeans.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("gower", a.GetProperty("distance").GetString());
        Assert.Equal("euclidean", k.GetProperty("distance").GetString());
        Assert.False(k.TryGetProperty("gamma", out _));
    }

    [Theory]
    [InlineData("gamma=-1", "at least 0")]
    [InlineData("gamma=abc", "must be a number")]
    [InlineData("gamma=Infinity", "must be a number")]
    [InlineData("gamma=NaN", "must be a number")]
    public async Task Segment_BadGamma_400NamingGamma(string gamma, string reason)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?algorithm=kprototypes&k=3&" + gamma, ApiTestData.Csv(ApiTestData.Customers(4, 17)));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains("'gamma'", detail, StringComparison.Ordinal);
        Assert.Contains(reason, detail, StringComparison.Ordinal);
    }
}
