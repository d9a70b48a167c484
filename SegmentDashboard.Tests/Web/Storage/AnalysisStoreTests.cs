using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Tests.Web.Storage;

public sealed class AnalysisStoreTests : IDisposable
{
    private static readonly Lazy<SegmentationResult> SampleResult = new(() =>
    {
        var service = new SegmentationService();
        return service.SegmentAsync(service.Sample(), new SegmentationRequest { ClusterCount = 4, IncludeStability = false }).GetAwaiter().GetResult();
    });

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sd-store-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string[] Names(SegmentationResult result) =>
        result.Profiles.Select(p => p.Name + " (edited)").ToArray();

    [Fact]
    public async Task GetAsync_AfterSave_ReturnsSameDatasetSettingsLabelsAndNames()
    {
        var store = new AnalysisStore(_folder);
        var result = SampleResult.Value;

        var id = await store.SaveAsync("Q3 review", result, Names(result));
        var saved = await store.GetAsync(id);

        Assert.NotNull(saved);
        Assert.Equal("Q3 review", saved.Summary.Name);
        Assert.Equal(result.Dataset.RowCount, saved.Summary.Rows);
        Assert.Equal(4, saved.Summary.ClusterCount);
        Assert.Equal("KMeans", saved.Summary.Algorithm);
        Assert.Equal(result.RowLabels.AsEnumerable(), saved.RowLabels.AsEnumerable());
        Assert.Equal(Names(result), saved.SegmentNames.AsEnumerable());
        Assert.Equal(4, saved.Request.ClusterCount);
        Assert.Equal(result.Dataset.Columns.Select(c => (c.Name, c.Kind)), saved.Dataset.Columns.Select(c => (c.Name, c.Kind)));
        Assert.True(File.Exists(Path.Combine(_folder, AnalysisStore.FileName)));
    }

    [Fact]
    public async Task GetAsync_FromANewStoreOnTheSameFolder_SurvivesRestart()
    {
        var id = await new AnalysisStore(_folder).SaveAsync("before restart", SampleResult.Value, Names(SampleResult.Value));

        var reopened = await new AnalysisStore(_folder).GetAsync(id);

        Assert.NotNull(reopened);
        Assert.Equal("before restart", reopened.Summary.Name);
    }

    [Fact]
    public async Task RenameAndDelete_ChangeTheList_AndUnknownIdsReportFalse()
    {
        var store = new AnalysisStore(_folder);
        var first = await store.SaveAsync("first", SampleResult.Value, Names(SampleResult.Value));
        var second = await store.SaveAsync("second", SampleResult.Value, Names(SampleResult.Value));

        Assert.True(await store.RenameAsync(first, "  renamed  "));
        Assert.True(await store.DeleteAsync(second));
        Assert.False(await store.DeleteAsync(second));
        Assert.False(await store.RenameAsync("nope", "x"));
        var list = await store.ListAsync();

        var only = Assert.Single(list);
        Assert.Equal((first, "renamed"), (only.Id, only.Name));
        Assert.Null(await store.GetAsync(second));
    }

    [Fact]
    public async Task SaveAsync_TwentyConcurrentSaves_AllStoredWithDistinctIds()
    {
        var store = new AnalysisStore(_folder);

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => store.SaveAsync($"concurrent {i}", SampleResult.Value, Names(SampleResult.Value)))));

        Assert.Equal(20, ids.Distinct().Count());
        var list = await store.ListAsync();
        Assert.Equal(20, list.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"concurrent {i}").Order(), list.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task SaveAsync_WrongNumberOfSegmentNames_Throws()
    {
        var store = new AnalysisStore(_folder);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("x", SampleResult.Value, ["only one"]));

        Assert.Equal("segmentNames", error.ParamName);
    }
}
