using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Core.Sharing;
using SegmentDashboard.Tests.Support;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Core.Sharing;

public sealed class SegmentShiftTests
{
    private static readonly string[] Features = ["Age", "Income", "Score"];

    private static readonly Lazy<(string Csv, SegmentationResult Result)> Saved = new(() =>
    {
        var csv = ApiTestData.Customers();
        var dataset = CsvLoader.LoadText(csv, "customers.csv");
        var request = new SegmentationRequest { Features = [.. Features], ClusterCount = 3, IncludeSweep = false, IncludeStability = false, Seed = 3 };
        return (csv, new SegmentationService().SegmentAsync(dataset, request).GetAwaiter().GetResult());
    });

    /// <summary>The header and the data lines of the saved file whose 0-based row index passes <paramref name="keep"/>, with columns reordered.</summary>
    private static (string Csv, int[] Rows) Subset(Func<int, bool> keep)
    {
        var lines = Saved.Value.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Columns reordered and one added: assignment matches columns by name.
        static string Reorder(string line)
        {
            var cells = line.Split(',');
            return string.Join(',', cells[4], cells[3], cells[0], cells[2], cells[1], cells[0] == "CustomerID" ? "Extra" : "x");
        }

        var rows = Enumerable.Range(0, lines.Length - 1).Where(keep).ToArray();
        var csv = string.Join('\n', new[] { Reorder(lines[0]) }.Concat(rows.Select(r => Reorder(lines[r + 1])))) + "\n";
        return (csv, rows);
    }

    [Fact]
    public void Compute_RowsOfTwoSavedGroups_AssignsTheirSavedSegmentsAndSharesMove()
    {
        // Arrange: all 20 rows of group A (row % 3 == 0) and the first 10 of group B (row % 3 == 1).
        var saved = Saved.Value.Result;
        Partitions.AssertEquivalent(Enumerable.Range(0, 60).Select(r => r % 3).ToArray(), saved.RowLabels.ToArray());
        var (csv, rows) = Subset(r => r % 3 == 0 || (r % 3 == 1 && r < 30));
        var newData = CsvLoader.LoadText(csv, "new.csv");

        // Act
        var shift = SegmentShift.Compute(saved, saved.RowLabels, newData);

        // Assert: each new row is in the segment its twin got when saved.
        Assert.Equal(rows.Select(r => saved.RowLabels[r]), shift.Assignments.AsEnumerable());
        Assert.Equal(0, shift.Unassigned);
        var a = saved.RowLabels[0];
        var b = saved.RowLabels[1];
        var c = saved.RowLabels[2];
        Assert.All(shift.Segments, s => Assert.Equal(20, s.OldCount));
        Assert.All(shift.Segments, s => Tolerance.AssertClose(1.0 / 3, s.OldShare, 1e-12));
        Assert.Equal(20, shift.Segments[a].NewCount);
        Assert.Equal(10, shift.Segments[b].NewCount);
        Assert.Equal(0, shift.Segments[c].NewCount);
        Tolerance.AssertClose(2.0 / 3, shift.Segments[a].NewShare, 1e-12);
        Tolerance.AssertClose(1.0 / 3, shift.Segments[b].NewShare, 1e-12);
        Tolerance.AssertClose(-1.0 / 3, shift.Segments[c].Change, 1e-12);
    }

    [Fact]
    public async Task Compute_MissingValueWithDropRows_RowUnassignedAndLeftOutOfShares()
    {
        // Arrange: a drop-rows run, then new data where one row lacks Income.
        var dataset = CsvLoader.LoadText(Saved.Value.Csv, "customers.csv");
        var request = new SegmentationRequest { Features = [.. Features], ClusterCount = 3, IncludeSweep = false, IncludeStability = false, Missing = SegmentDashboard.Core.Preprocessing.MissingValueStrategy.DropRows };
        var saved = await new SegmentationService().SegmentAsync(dataset, request);
        var newData = CsvLoader.LoadText("Age,Income,Score\n25,20,80\n45,,20\n65,50,50\n", "new.csv");

        // Act
        var shift = SegmentShift.Compute(saved, saved.RowLabels, newData);

        // Assert
        Assert.Equal(-1, shift.Assignments[1]);
        Assert.Equal(1, shift.Unassigned);
        Assert.Equal(saved.RowLabels[0], shift.Assignments[0]);
        Assert.Equal(saved.RowLabels[2], shift.Assignments[2]);
        Assert.Equal(2, shift.Segments.Sum(s => s.NewCount));
        Tolerance.AssertClose(1.0, shift.Segments.Sum(s => s.NewShare), 1e-12);
    }

    [Fact]
    public void Compute_NewFileLacksTwoColumns_ThrowsNamingBoth()
    {
        var saved = Saved.Value.Result;
        var newData = CsvLoader.LoadText("CustomerID,Age,Region\nC1,30,North\nC2,50,South\n", "new.csv");

        var error = Assert.Throws<ArgumentException>(() => SegmentShift.Compute(saved, saved.RowLabels, newData));

        Assert.Contains("'Income'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Score'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Income", "Score"], SegmentShift.MissingColumns(saved, newData).ToArray());
    }
}
