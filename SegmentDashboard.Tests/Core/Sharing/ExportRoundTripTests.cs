using System.Text;
using System.Text.Json;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Core.Sharing;

namespace SegmentDashboard.Tests.Core.Sharing;

/// <summary>Every export read back: labeled CSV and customer ids through our own CsvLoader, profiles as CSV and JSON.</summary>
public sealed class ExportRoundTripTests
{
    // Hostile cells: formulas in an identifier and a category, a quote, a comma and a line break.
    private const string Csv =
        "CustomerID,Age,Income,Note,Region\n"
        + "=HYPERLINK(\"x\"),25,20,\"plain, with comma\",North\n"
        + "C002,26,21,\"two\nlines\",@SUM(A1)\n"
        + "C003,27,19,-cmd,North\n"
        + "C004,61,90,ok,South\n"
        + "C005,62,91,\"say \"\"hi\"\"\",South\n"
        + "C006,63,92,+1,South\n"
        + "C007,40,55,ok,East\n"
        + "C008,41,56,ok,East\n"
        + "C009,42,54,ok,East\n";

    private static readonly Lazy<SegmentationResult> Result = new(() =>
    {
        var dataset = CsvLoader.LoadText(Csv, "hostile.csv");
        var request = new SegmentationRequest { Features = ["Age", "Income"], ClusterCount = 3, IncludeSweep = false, IncludeStability = false };
        return new SegmentationService().SegmentAsync(dataset, request).GetAwaiter().GetResult();
    });

    private static string[] Names(SegmentationResult result) =>
        Enumerable.Range(0, result.ClusterCount).Select(i => i == 0 ? "=Big spenders" : $"Group {i}").ToArray();

    [Fact]
    public void LabeledCsv_ThroughCsvLoader_SameRowsPlusSegmentColumnsAndFormulasNeutralized()
    {
        // Arrange
        var result = Result.Value;
        var names = Names(result);
        using var buffer = new MemoryStream();

        // Act
        LabeledCsvWriter.Write(buffer, result.Dataset, result.RowLabels.AsSpan(), names);
        var bytes = buffer.ToArray();
        buffer.Position = 0;
        var back = CsvLoader.Load(buffer, "labeled.csv");

        // Assert: BOM, the original columns in order plus Segment and Segment name, same row count.
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(result.Dataset.Columns.Select(c => c.Name).Append("Segment").Append("Segment name"), back.Columns.Select(c => c.Name));
        Assert.Equal(result.Dataset.RowCount, back.RowCount);
        var segment = back.Find("Segment")!;
        var segmentName = back.Find("Segment name")!;
        for (var row = 0; row < back.RowCount; row++)
        {
            Assert.Equal(result.RowLabels[row].ToString(System.Globalization.CultureInfo.InvariantCulture), segment.Format(row));
            var expectedName = names[result.RowLabels[row]];
            Assert.Equal(expectedName.StartsWith('=') ? "'" + expectedName : expectedName, segmentName.Format(row));
        }

        // Text survives (comma, quotes, line break); formulas come back with the neutralizing apostrophe.
        var note = back.Find("Note")!;
        Assert.Equal("plain, with comma", note.Format(0));
        Assert.Equal("two\nlines", note.Format(1).Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("say \"hi\"", note.Format(4));
        Assert.Equal("'-cmd", note.Format(2));
        Assert.Equal("'+1", note.Format(5));
        Assert.Equal("'=HYPERLINK(\"x\")", back.Find("CustomerID")!.Format(0));
        Assert.Equal("'@SUM(A1)", back.Find("Region")!.Format(1));
    }

    [Fact]
    public void CustomerIds_IdentifierColumn_OneLinePerCustomerOrderedBySegmentAndNeutralized()
    {
        // Arrange
        var result = Result.Value;
        var names = Names(result);
        var identifier = CustomerIdExport.FindIdentifier(result.Dataset);
        Assert.NotNull(identifier);
        Assert.Equal("CustomerID", identifier.Name);
        using var buffer = new MemoryStream();

        // Act
        CustomerIdExport.WriteCsv(buffer, result.Dataset, result.RowLabels, names, identifier);
        buffer.Position = 0;
        var back = CsvLoader.Load(buffer, "ids.csv", new CsvLoadOptions());

        // Assert
        Assert.Equal(["Segment", "Segment name", "CustomerID"], back.Columns.Select(c => c.Name));
        var expected = Enumerable.Range(0, result.Dataset.RowCount)
            .OrderBy(r => result.RowLabels[r]).ThenBy(r => r)
            .Select(r => (result.RowLabels[r].ToString(System.Globalization.CultureInfo.InvariantCulture), identifier.Format(r)))
            .Select(p => (p.Item1, p.Item2.StartsWith('=') ? "'" + p.Item2 : p.Item2))
            .ToList();
        var actual = Enumerable.Range(0, back.RowCount).Select(r => (back.Columns[0].Format(r), back.Columns[2].Format(r))).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains("'=Big spenders", Enumerable.Range(0, back.RowCount).Select(r => back.Columns[1].Format(r)));
    }

    [Fact]
    public void Profiles_CsvAndJson_ParseAndHoldEverySegment()
    {
        // Arrange
        var result = Result.Value;
        var names = Names(result);
        var profiles = result.Profiles.Select(p => p with { Name = names[p.SegmentId] }).ToList();
        using var csv = new MemoryStream();

        // Act
        ProfileExport.WriteCsv(csv, profiles);
        csv.Position = 0;
        var table = CsvLoader.Load(csv, "profiles.csv");
        using var json = JsonDocument.Parse(ProfileExport.ToJson(profiles));

        // Assert
        Assert.Equal(result.ClusterCount, table.RowCount);
        Assert.Equal(
            Enumerable.Range(0, result.ClusterCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Enumerable.Range(0, table.RowCount).Select(r => table.Find("Segment")!.Format(r)));
        Assert.Equal("'=Big spenders", table.Find("Name")!.Format(0));
        Assert.Equal(
            profiles.Select(p => p.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Enumerable.Range(0, table.RowCount).Select(r => table.Find("Size")!.Format(r)));
        var segments = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(profiles.Select(p => p.SegmentId), segments.Select(s => s.GetProperty("segmentId").GetInt32()));
        Assert.Equal(names, segments.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(profiles.Select(p => p.Size), segments.Select(s => s.GetProperty("size").GetInt32()));
        Assert.All(segments, s => Assert.True(s.GetProperty("playbook").GetProperty("offer").GetString()!.Length > 0));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.ToArray()[..3]);
    }
}
