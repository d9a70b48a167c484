using System.Net.Http.Headers;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Happy paths on the real public datasets in ../shared/datasets (skipped where they are absent).</summary>
[Collection(ApiCollection.Name)]
public sealed class SharedDatasetTests
{
    private readonly ApiFixture _fixture;

    public SharedDatasetTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task Segment_MallCustomersIncomeAndScoreK5_TheWellKnownFiveSegments()
    {
        var path = Path.Combine(TestPaths.RequireFolder(TestPaths.Datasets), "mall_customers.csv");
        using var client = _fixture.CreateClient();
        var features = Uri.EscapeDataString("Annual Income (k$),Spending Score (1-100)");

        using var response = await client.PostAsync($"/api/segment?features={features}&k=5&seed=0", FileContent(path));

        var json = await SegmentEndpointTests.AssertOkAsync(response);
        Assert.Equal(200, json.GetProperty("rows").GetInt32());
        Assert.Equal(200, json.GetProperty("usedRows").GetInt32());
        Assert.Equal(5, json.GetProperty("k").GetInt32());
        Assert.Equal(new[] { "Annual Income (k$)", "Spending Score (1-100)" }, json.GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(new[] { 22, 23, 35, 39, 81 }, json.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("size").GetInt32()).Order().ToArray());

        // scikit-learn 1.x: StandardScaler, then KMeans(5, n_init=10, random_state=0..4) all reach
        // this optimum; metrics from sklearn.metrics on the same scaled matrix.
        var metrics = json.GetProperty("metrics");
        Tolerance.AssertClose(65.56840815571681, metrics.GetProperty("inertia").GetDouble(), 1e-9, "inertia");
        Tolerance.AssertClose(0.5546571631111091, metrics.GetProperty("silhouette").GetDouble(), 1e-9, "silhouette");
        Tolerance.AssertClose(248.64932001536357, metrics.GetProperty("calinskiHarabasz").GetDouble(), 1e-9, "calinskiHarabasz");
        Tolerance.AssertClose(0.5722356162263352, metrics.GetProperty("daviesBouldin").GetDouble(), 1e-9, "daviesBouldin");
    }

    [SkippableFact]
    public async Task Segment_WholesaleCustomersWardK3AsMultipart_EveryRowLabelled()
    {
        var path = Path.Combine(TestPaths.RequireFolder(TestPaths.Datasets), "wholesale_customers.csv");
        using var client = _fixture.CreateClient();
        using var form = new MultipartFormDataContent { { FileContent(path), "file", "wholesale_customers.csv" } };

        using var response = await client.PostAsync("/api/segment?algorithm=hierarchical&linkage=ward&k=3", form);

        var json = await SegmentEndpointTests.AssertOkAsync(response);
        var labels = SegmentEndpointTests.Ints(json.GetProperty("labels"));
        Assert.Equal(440, json.GetProperty("rows").GetInt32());
        Assert.Equal(440, labels.Length);
        Assert.All(labels, label => Assert.InRange(label, 0, 2));
        Assert.Equal(3, labels.Distinct().Count());
        Assert.Equal(440, json.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("size").GetInt32()));
    }

    private static StreamContent FileContent(string path)
    {
        var content = new StreamContent(File.OpenRead(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
