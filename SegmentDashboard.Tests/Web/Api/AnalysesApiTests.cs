using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>The app on TestServer with its own temporary Storage:Path (deleted afterwards).</summary>
public sealed class AnalysesApiFixture : IDisposable
{
    public AnalysesApiFixture()
    {
        Factory = Create(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sd-api-store-{Guid.NewGuid():N}");

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A separate app instance on <paramref name="folder"/> (a restart, as far as storage goes).</summary>
    public static WebApplicationFactory<Program> Create(string folder) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Testing")
            .UseSetting("Storage:Path", folder));

    public void Dispose()
    {
        Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

public sealed class AnalysesApiTests(AnalysesApiFixture fixture) : IClassFixture<AnalysesApiFixture>
{
    private const string Query = "features=Age,Income,Score&k=3&seed=5";

    private async Task<(string Id, string Url, HttpResponseMessage Response)> SaveAsync(string name, string query = Query, string? csv = null)
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.PostAsync($"/api/analyses?name={Uri.EscapeDataString(name)}&{query}", ApiTestData.Csv(csv ?? ApiTestData.Customers()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetString()!, json.GetProperty("url").GetString()!, response);
    }

    [Fact]
    public async Task Post_ValidCsvAndName_Returns201WithIdUrlAndLocation()
    {
        var (id, url, response) = await SaveAsync("Q3 customers");

        Assert.Matches("^[a-z0-9]{12}$", id);
        Assert.Equal($"/a/{id}", url);
        Assert.Equal($"/api/analyses/{id}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("features=Age,Income,Score&k=3&seed=5")]
    [InlineData("algorithm=hierarchical&linkage=ward&k=3")]
    [InlineData("algorithm=dbscan&eps=0.5&minSamples=4&missing=drop&features=Age,Income,Score")]
    public async Task Get_AfterPost_SameJsonAsSegmentForTheSameInput(string query)
    {
        // Arrange: income missing on two rows, so labels hold -1 for dropped rows where the strategy drops.
        var csv = ApiTestData.Customers(4, 17);
        using var client = fixture.Factory.CreateClient();
        var direct = await client.PostAsync($"/api/segment?{query}", ApiTestData.Csv(csv));
        var expected = JsonNode.Parse(await direct.Content.ReadAsStringAsync());
        var (id, _, _) = await SaveAsync("same shape", query, csv);

        // Act
        var response = await client.GetAsync($"/api/analyses/{id}");
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"GET differs from /api/segment:\n{expected}\n---\n{actual}");
        Assert.Equal(60, actual!["labels"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_AfterPost_HasNameDatasetRowsKAlgorithmDateAndUrl()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var (id, _, _) = await SaveAsync("Listed one", "algorithm=hierarchical&k=3");
        using var client = fixture.Factory.CreateClient();

        var list = await ApiTestData.ReadJsonAsync(await client.GetAsync("/api/analyses"));

        var item = list.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("Listed one", item.GetProperty("name").GetString());
        Assert.Equal("upload.csv", item.GetProperty("dataset").GetString());
        Assert.Equal(60, item.GetProperty("rows").GetInt32());
        Assert.Equal(3, item.GetProperty("k").GetInt32());
        Assert.Equal("hierarchical", item.GetProperty("algorithm").GetString());
        Assert.Equal($"/a/{id}", item.GetProperty("url").GetString());
        Assert.InRange(item.GetProperty("createdUtc").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Delete_KnownThenAgain_204Then404AndGetIs404()
    {
        var (id, _, _) = await SaveAsync("to delete");
        using var client = fixture.Factory.CreateClient();

        var first = await client.DeleteAsync($"/api/analyses/{id}");
        var second = await client.DeleteAsync($"/api/analyses/{id}");
        var get = await client.GetAsync($"/api/analyses/{id}");
        var list = await ApiTestData.ReadJsonAsync(await client.GetAsync("/api/analyses"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Contains(id, await ApiTestData.AssertProblemAsync(second, 404), StringComparison.Ordinal);
        await ApiTestData.AssertProblemAsync(get, 404);
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("id").GetString() == id);
    }

    [Theory]
    [InlineData("k=3", "name")]
    [InlineData("name=%20%20&k=3", "name")]
    [InlineData("name=x&k=1", "k")]
    [InlineData("name=x&colour=red", "colour")]
    [InlineData("name=x&features=Nope", "features")]
    public async Task Post_BadQuery_400NamingTheParameter(string query, string parameter)
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.PostAsync($"/api/analyses?{query}", ApiTestData.Csv(ApiTestData.Customers()));

        var detail = await ApiTestData.AssertProblemAsync(response, 400);
        Assert.Contains($"'{parameter}'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EmptyBody_400AndNothingSaved()
    {
        using var client = fixture.Factory.CreateClient();
        var name = "empty-" + Guid.NewGuid().ToString("N");

        var response = await client.PostAsync($"/api/analyses?name={name}&k=3", ApiTestData.Csv(string.Empty));
        var list = await ApiTestData.ReadJsonAsync(await client.GetAsync("/api/analyses"));

        await ApiTestData.AssertProblemAsync(response, 400);
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task Get_UnknownId_404Problem()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/api/analyses/doesnotexist");

        Assert.Contains("doesnotexist", await ApiTestData.AssertProblemAsync(response, 404), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromARestartedAppOnTheSameStoragePath_SameAnalysis()
    {
        // Arrange
        var (id, _, _) = await SaveAsync("survives restarts");
        using var client = fixture.Factory.CreateClient();
        var before = await client.GetStringAsync($"/api/analyses/{id}");

        // Act: a second app instance on the same folder.
        using var restarted = AnalysesApiFixture.Create(fixture.Folder);
        using var restartedClient = restarted.CreateClient();
        var after = await restartedClient.GetStringAsync($"/api/analyses/{id}");

        // Assert
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(before), JsonNode.Parse(after)));
        Assert.True(File.Exists(Path.Combine(fixture.Folder, "segmentdashboard.db")));
    }

    [Fact]
    public async Task Post_TenConcurrentSaves_AllListedWithDistinctIds()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];

        var saved = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SaveAsync($"concurrent {tag} {i}")));
        using var client = fixture.Factory.CreateClient();
        var list = await ApiTestData.ReadJsonAsync(await client.GetAsync("/api/analyses"));

        Assert.Equal(10, saved.Select(s => s.Id).Distinct().Count());
        var listed = list.EnumerateArray().Where(e => e.GetProperty("name").GetString()!.StartsWith($"concurrent {tag} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(saved.Select(s => s.Id).Order(), listed.Select(e => e.GetProperty("id").GetString()!).Order());
    }
}
