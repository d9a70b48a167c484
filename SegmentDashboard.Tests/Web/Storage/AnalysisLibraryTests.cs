using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Tests.Web.Storage;

public sealed class AnalysisLibraryTests : IDisposable
{
    private static readonly Lazy<SegmentationResult> SampleResult = new(() =>
    {
        var service = new SegmentationService();
        return service.SegmentAsync(service.Sample(), new SegmentationRequest { ClusterCount = 3, IncludeStability = false, IncludeSweep = false, Seed = 11 }).GetAwaiter().GetResult();
    });

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sd-library-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_Saved_RebuildsTheRunWithSavedLabelsAndNames()
    {
        // Arrange
        var library = new AnalysisLibrary(new AnalysisStore(_folder), new SegmentationService());
        var result = SampleResult.Value;
        string[] names = ["Bargain hunters", "Loyal <fans>", "=Premium"];
        var id = await library.SaveAsync("Reopen me", result, names);

        // Act: a second library on the same folder (nothing cached).
        var opened = await new AnalysisLibrary(new AnalysisStore(_folder), new SegmentationService()).OpenAsync(id);

        // Assert
        Assert.NotNull(opened);
        Assert.True(opened.LabelsMatch);
        Assert.Equal(result.RowLabels.AsEnumerable(), opened.SavedLabels.AsEnumerable());
        Assert.Equal(result.RowLabels.AsEnumerable(), opened.Result.RowLabels.AsEnumerable());
        Assert.Equal(names, opened.NamedProfiles().OrderBy(p => p.SegmentId).Select(p => p.Name));
        Assert.Equal(result.Profiles.Select(p => p.Size), opened.Result.Profiles.Select(p => p.Size));
        Assert.Equal(result.Metrics.Silhouette, opened.Result.Metrics.Silhouette, 12);
        Assert.Equal("Reopen me", opened.Summary.Name);
    }

    [Fact]
    public async Task OpenAsync_SavedLabelsDifferFromTheRerun_ReportsTheMismatchAndKeepsSavedLabels()
    {
        // Arrange: labels that the settings cannot reproduce (segments 0 and 1 swapped).
        var library = new AnalysisLibrary(new AnalysisStore(_folder), new SegmentationService());
        var result = SampleResult.Value;
        var swapped = result.RowLabels.Select(l => l switch { 0 => 1, 1 => 0, _ => l }).ToArray();
        var id = await library.SaveAsync("Tampered", result with { RowLabels = [.. swapped] }, ["a", "b", "c"]);

        // Act
        var opened = await library.OpenAsync(id);

        // Assert
        Assert.NotNull(opened);
        Assert.False(opened.LabelsMatch);
        Assert.Equal(swapped, opened.SavedLabels.AsEnumerable());
    }

    [Fact]
    public async Task OpenAsync_UnknownOrDeleted_Null()
    {
        var library = new AnalysisLibrary(new AnalysisStore(_folder), new SegmentationService());
        var id = await library.SaveAsync("Short-lived", SampleResult.Value, ["a", "b", "c"]);
        Assert.NotNull(await library.OpenAsync(id));

        Assert.True(await library.DeleteAsync(id));

        Assert.Null(await library.OpenAsync(id));
        Assert.Null(await library.OpenAsync("unknown"));
    }
}
