using System.Text.Json;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Explain;

/// <summary>The explain_* expected values in SegmentDashboard.Tests/Reference (in the repo, never skipped).</summary>
internal static class ExplainReference
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "SegmentDashboard.Tests", "Reference", fileName);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetInt32())];
}
