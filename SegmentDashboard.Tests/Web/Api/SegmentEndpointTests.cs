using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>POST /api/segment on small generated files: every parameter reaches the engine, and the answer is the engine's.</summary>
[Collection(ApiCollection.Name)]
public sealed class SegmentEndpointTests
{
    private const string ThreeFeatures = "features=Age,Income,Score";

    private static readonly string CustomersCsv = ApiTestData.Customers(4, 17);

    private readonly ApiFixture _fixture;

    public SegmentEndpointTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    /// <summary>Query strings and the request the engine should have received for each.</summary>
    public static TheoryData<string, SegmentationRequest> EveryParameter()
    {
        var fixedK = new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false };
        return new TheoryData<string, SegmentationRequest>
        {
            { "?k=3", fixedK },
            { "?algorithm=kmeans&k=3&seed=11&restarts=1", fixedK with { Seed = 11, Restarts = 1 } },
            { "?algorithm=kmeans&k=4&seed=5&restarts=10", fixedK with { ClusterCount = 4, Seed = 5, Restarts = 10 } },
            { "?algorithm=hierarchical&k=3&linkage=ward", fixedK with { Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Ward } },
            { "?algorithm=hierarchical&k=3&linkage=complete", fixedK with { Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Complete } },
            { "?algorithm=hierarchical&k=4&linkage=average", fixedK with { ClusterCount = 4, Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Average } },
            { "?algorithm=hierarchical&k=3&linkage=single", fixedK with { Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Single } },
            { "?algorithm=dbscan&eps=0.6&minSamples=4", new SegmentationRequest { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 0.6, MinSamples = 4, IncludeSweep = false, IncludeStability = false } },
            { "?k=3&scaling=zscore", fixedK with { Scaling = ScalingMethod.ZScore } },
            { "?k=3&scaling=minmax", fixedK with { Scaling = ScalingMethod.MinMax } },
            { "?k=3&scaling=robust", fixedK with { Scaling = ScalingMethod.Robust } },
            { "?k=3&scaling=none", fixedK with { Scaling = ScalingMethod.None } },
            { "?k=3&missing=drop", fixedK with { Missing = MissingValueStrategy.DropRows } },
            { "?k=3&missing=mean", fixedK with { Missing = MissingValueStrategy.Mean } },
            { "?k=3&missing=median", fixedK with { Missing = MissingValueStrategy.Median } },
            { "?k=3&features=Age,Score", fixedK with { Features = ["Age", "Score"] } },
            { "?K=3&Algorithm=Hierarchical&LINKAGE=Complete&Scaling=MinMax", fixedK with { Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Complete, Scaling = ScalingMethod.MinMax } },
            { "?seed=3", new SegmentationRequest { Seed = 3, IncludeSweep = true, IncludeStability = false } },
        };
    }

    [Theory]
    [MemberData(nameof(EveryParameter))]
    public async Task Segment_EveryParameter_SameAnswerAsTheEngine(string query, SegmentationRequest expectedRequest)
    {
        using var client = _fixture.CreateClient();
        var expected = await RunEngineAsync(CustomersCsv, expectedRequest);

        using var response = await client.PostAsync("/api/segment" + query, ApiTestData.Csv(CustomersCsv));

        var json = await AssertOkAsync(response);
        Assert.Equal(60, json.GetProperty("rows").GetInt32());
        Assert.Equal(expected.Prepared.Matrix.Rows, json.GetProperty("usedRows").GetInt32());
        Assert.Equal(expected.ClusterCount, json.GetProperty("k").GetInt32());
        Assert.Equal(expected.RowLabels.ToArray(), Ints(json.GetProperty("labels")));
        AssertMetricsEqual(expected.Metrics, json.GetProperty("metrics"));
        var segments = json.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(expected.Profiles.Select(p => p.SegmentId), segments.Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(expected.Profiles.Select(p => p.Size), segments.Select(s => s.GetProperty("size").GetInt32()));
        Assert.Equal(expected.Profiles.Select(p => p.Name), segments.Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Segment_ThreeSeparatedGroups_EveryAlgorithmFindsThem()
    {
        using var client = _fixture.CreateClient();
        var truth = Enumerable.Range(0, 60).Select(row => row % 3).ToArray();

        foreach (var query in new[] { "?k=3", "?algorithm=hierarchical&k=3&linkage=ward", "?algorithm=hierarchical&k=3&linkage=average", "?algorithm=dbscan&eps=0.5&minSamples=4" })
        {
            using var response = await client.PostAsync($"/api/segment{query}&{ThreeFeatures}", ApiTestData.Csv(ApiTestData.Customers()));
            var json = await AssertOkAsync(response);

            Assert.Equal(3, json.GetProperty("k").GetInt32());
            Partitions.AssertEquivalent(truth, Ints(json.GetProperty("labels")));
        }
    }

    [Fact]
    public async Task Segment_Response_CamelCaseShapeWithTraitsAndNoNote()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync($"/api/segment?k=3&{ThreeFeatures}", ApiTestData.Csv(CustomersCsv));

        var json = await AssertOkAsync(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kmeans", json.GetProperty("algorithm").GetString());
        Assert.Equal(new[] { "Age", "Income", "Score" }, json.GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.False(json.TryGetProperty("note", out _));
        var metrics = json.GetProperty("metrics");
        foreach (var name in new[] { "inertia", "silhouette", "calinskiHarabasz", "daviesBouldin" })
        {
            Assert.Equal(JsonValueKind.Number, metrics.GetProperty(name).ValueKind);
        }

        var segments = json.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(3, segments.Count);
        Assert.Equal(60, segments.Sum(s => s.GetProperty("size").GetInt32()));
        Assert.Equal(1.0, segments.Sum(s => s.GetProperty("share").GetDouble()), 9);
        foreach (var segment in segments)
        {
            Assert.False(string.IsNullOrWhiteSpace(segment.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(segment.GetProperty("description").GetString()));
            var trait = segment.GetProperty("traits").EnumerateArray().First();
            Assert.False(string.IsNullOrEmpty(trait.GetProperty("feature").GetString()));
            Assert.Equal(JsonValueKind.Number, trait.GetProperty("effectSize").ValueKind);
            Assert.Equal(JsonValueKind.Number, trait.GetProperty("segmentMean").ValueKind);
            Assert.Equal(JsonValueKind.Number, trait.GetProperty("populationMean").ValueKind);
        }
    }

    [Fact]
    public async Task Segment_MissingDrop_OneLabelPerFileRowAndMinusOneForDroppedRows()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync($"/api/segment?k=3&{ThreeFeatures}&missing=drop", ApiTestData.Csv(CustomersCsv));

        var json = await AssertOkAsync(response);
        var labels = Ints(json.GetProperty("labels"));
        Assert.Equal(60, json.GetProperty("rows").GetInt32());
        Assert.Equal(58, json.GetProperty("usedRows").GetInt32());
        Assert.Equal(60, labels.Length);
        Assert.Equal(new[] { 4, 17 }, Enumerable.Range(0, 60).Where(i => labels[i] == -1).ToArray());
        Assert.Equal(58, json.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("size").GetInt32()));
    }

    [Fact]
    public async Task Segment_MissingMean_EveryRowLabelled()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync($"/api/segment?k=3&{ThreeFeatures}&missing=mean", ApiTestData.Csv(CustomersCsv));

        var json = await AssertOkAsync(response);
        Assert.Equal(60, json.GetProperty("usedRows").GetInt32());
        Assert.All(Ints(json.GetProperty("labels")), label => Assert.InRange(label, 0, 2));
    }

    [Fact]
    public async Task Segment_SameSeedTwice_IdenticalResponses()
    {
        using var client = _fixture.CreateClient();
        const string Url = "/api/segment?k=4&seed=123&restarts=2&features=Age,Income,Score,Region";

        using var first = await client.PostAsync(Url, ApiTestData.Csv(CustomersCsv));
        using var second = await client.PostAsync(Url, ApiTestData.Csv(CustomersCsv));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Segment_MultipartFilePart_SameAnswerAsRawBody()
    {
        using var client = _fixture.CreateClient();
        const string Url = "/api/segment?k=3&features=Age,Income,Score";

        using var raw = await client.PostAsync(Url, ApiTestData.Csv(CustomersCsv));
        using var multipart = await client.PostAsync(Url, ApiTestData.Multipart(CustomersCsv));

        var rawJson = await AssertOkAsync(raw);
        var multipartJson = await AssertOkAsync(multipart);
        Assert.Equal(Ints(rawJson.GetProperty("labels")), Ints(multipartJson.GetProperty("labels")));
        Assert.Equal(rawJson.GetProperty("metrics").GetRawText(), multipartJson.GetProperty("metrics").GetRawText());
    }

    [Fact]
    public async Task Segment_ChunkedBodyUnderTheLimit_Accepted()
    {
        using var client = _fixture.SmallLimitFactory.CreateClient();
        var csv = "a,b\n1,2\n2,1\n10,11\n11,10\n1,1\n10,10\n";
        Assert.True(Encoding.UTF8.GetByteCount(csv) < ApiFixture.SmallLimit);

        using var response = await client.PostAsync("/api/segment?k=2", new GeneratedCsvStream(Encoding.UTF8.GetBytes(csv), repeat: 1).ToContent());

        var json = await AssertOkAsync(response);
        Partitions.AssertEquivalent(new[] { 0, 0, 1, 1, 0, 1 }, Ints(json.GetProperty("labels")));
    }

    internal static async Task<JsonElement> AssertOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    internal static void AssertMetricsEqual(SegmentationMetrics expected, JsonElement metrics)
    {
        AssertSame(expected.Inertia, metrics.GetProperty("inertia"), "inertia");
        AssertSame(expected.Silhouette, metrics.GetProperty("silhouette"), "silhouette");
        AssertSame(expected.CalinskiHarabasz, metrics.GetProperty("calinskiHarabasz"), "calinskiHarabasz");
        AssertSame(expected.DaviesBouldin, metrics.GetProperty("daviesBouldin"), "daviesBouldin");

        static void AssertSame(double expected, JsonElement actual, string name)
        {
            if (double.IsFinite(expected))
            {
                Assert.True(actual.ValueKind == JsonValueKind.Number, $"{name}: expected {expected:R}, got {actual.GetRawText()}");
                Assert.Equal(expected, actual.GetDouble());
            }
            else
            {
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{name}: expected null for {expected}, got {actual.GetRawText()}");
            }
        }
    }

    private async Task<SegmentationResult> RunEngineAsync(string csv, SegmentationRequest request)
    {
        var service = _fixture.Factory.Services.GetRequiredService<SegmentationService>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var dataset = await service.LoadCsvAsync(stream, "upload.csv");
        return await service.SegmentAsync(dataset, request);
    }
}
