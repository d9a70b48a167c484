using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Tests.Core.Profiling;

/// <summary>Issue 10: a readable label the user gives a column is what segment names and descriptions say.</summary>
public sealed class ColumnLabelNamesTests
{
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 1];

    private static Dataset Data() => CsvLoader.LoadText("Xq7,Visits\n1,5\n2,5\n1,6\n90,5\n95,6\n99,5\n");

    [Fact]
    public void Build_WithoutLabel_NamedAfterTheHeader()
    {
        var profiles = SegmentProfiler.Build(Data(), Labels, ["Xq7"]);

        Assert.Equal("Low Xq7 customers", profiles[0].Name);
        Assert.Equal("High Xq7 customers", profiles[1].Name);
    }

    [Fact]
    public void Build_WithTheUsersLabel_NamesAndDescriptionsUseIt()
    {
        var dataset = Data().WithLabel("Xq7", "wine budget");

        var profiles = SegmentProfiler.Build(dataset, Labels, ["Xq7"]);

        Assert.Equal("Low wine budget customers", profiles[0].Name);
        Assert.Equal("High wine budget customers", profiles[1].Name);
        Assert.Contains("wine budget 1.0 SD above average", profiles[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LabelOnAKnownConcept_TheUsersWordsWin()
    {
        var dataset = CsvLoader.LoadText("Annual Income,Visits\n10,5\n12,5\n11,6\n90,5\n95,6\n99,5\n").WithLabel("Annual Income", "household earnings");

        var profiles = SegmentProfiler.Build(dataset, Labels, ["Annual Income"]);

        Assert.Equal("High household earnings customers", profiles[1].Name);
    }
}
