namespace SegmentDashboard.Tests.Support;

/// <summary>Where the repository and the shared reference material (../shared beside the repo) are.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The folder holding SegmentDashboard.sln.</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>../shared beside the repository (may not exist on every machine).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Datasets => Path.Combine(Shared, "datasets");

    /// <summary>Skips the calling test (Xunit.SkippableFact) with a clear message when the folder is absent.</summary>
    public static string RequireFolder(string folder)
    {
        Skip.IfNot(Directory.Exists(folder), $"Skipped: '{folder}' is absent on this machine (reference data lives beside the repo, not in it).");
        return folder;
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SegmentDashboard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SegmentDashboard.sln not found above the test assembly.");
    }
}
