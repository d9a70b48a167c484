using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Persistence;

namespace SegmentDashboard.Tests.Core.Persistence;

public class DatasetSerializerTests
{
    private static Dataset EveryColumnKind() => new(
        "mixed <b>.csv",
        [
            new NumericColumn("Income", [52_000.5, double.NaN, -1e-300]),
            new NumericColumn("Prime", ColumnKind.Boolean, [1, 0, double.NaN]),
            new NumericColumn("Joined", ColumnKind.DateTime, [DateTimeValues.FromDateTime(new DateTime(2023, 6, 4, 13, 28, 19)), double.NaN, 0]),
            new CategoricalColumn("Sex", [0, -1, 1], ["F", "M"]),
            new MultiCategoricalColumn("Categories", [[0, 1], [], [1]], ["Books", "Électronique"], ';'),
            new TextColumn("Id", ColumnKind.Identifier, ["0001", null, "0003"]),
            new TextColumn("Note", ColumnKind.Text, ["a,\"b\"\nc", "", null]),
        ],
        3,
        new CsvDialect(';', "Windows-1252", true, "CRLF"),
        [new IngestWarning("Line 4 was skipped.", 4, null)]);

    [Fact]
    public void Deserialize_AfterSerialize_ReturnsEqualColumnsKindsAndValues()
    {
        var original = EveryColumnKind();

        var copy = DatasetSerializer.Deserialize(DatasetSerializer.Serialize(original));

        Assert.Equal(original.Name, copy.Name);
        Assert.Equal(original.RowCount, copy.RowCount);
        Assert.Equal(original.Dialect, copy.Dialect);
        Assert.Equal(original.Warnings.AsEnumerable(), copy.Warnings.AsEnumerable());
        Assert.Equal(original.Columns.Select(c => (c.Name, c.Kind, c.GetType())), copy.Columns.Select(c => (c.Name, c.Kind, c.GetType())));
        for (var column = 0; column < original.Columns.Length; column++)
        {
            for (var row = 0; row < original.RowCount; row++)
            {
                Assert.Equal(original.Columns[column].Format(row), copy.Columns[column].Format(row));
                Assert.Equal(original.Columns[column].IsMissing(row), copy.Columns[column].IsMissing(row));
            }
        }

        Assert.Equal(-1e-300, ((NumericColumn)copy["Income"]).Values[2]);
        Assert.Equal(((MultiCategoricalColumn)original["Categories"]).Levels.AsEnumerable(), ((MultiCategoricalColumn)copy["Categories"]).Levels.AsEnumerable());
    }

    [Fact]
    public void Deserialize_AfterSerialize_KeepsCustomerColumnChosenMeaningsAndDerivedFeatures()
    {
        var derived = DerivedFeatures.Derive(CsvLoader.LoadText("CUSTOMERNAME,Signup_Date,Spend\nAna,2024-01-01,10\nBo,2024-01-11,20\n", "c.csv")).Dataset;
        var dataset = derived.WithMeaning("Spend", ColumnMeaning.Amount) with { CustomerIdColumn = "CUSTOMERNAME" };

        var back = DatasetSerializer.Deserialize(DatasetSerializer.Serialize(dataset));

        Assert.Equal("CUSTOMERNAME", back.CustomerIdColumn);
        Assert.Equal(ColumnMeaning.Amount, back.ChosenMeanings["Spend"]);
        Assert.Equal(dataset.Derived.ToArray(), back.Derived.ToArray());
        Assert.Equal(ColumnMeaning.Identifier, ColumnMeanings.Of(back, back["CUSTOMERNAME"]).Meaning);
        Assert.Equal("tenure", ColumnMeanings.Of(back, back["Tenure (days)"]).Label);
    }

    [Fact]
    public void Deserialize_GarbageBytes_ThrowsInvalidData()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("not a dataset"u8);
        }

        Assert.Throws<InvalidDataException>(() => DatasetSerializer.Deserialize(buffer.ToArray()));
    }

    [Fact]
    public void Serialize_DatasetWithoutDialect_RoundTripsNullDialect()
    {
        var original = EveryColumnKind() with { Dialect = null, Warnings = ImmutableArray<IngestWarning>.Empty };

        var copy = DatasetSerializer.Deserialize(DatasetSerializer.Serialize(original));

        Assert.Null(copy.Dialect);
        Assert.Empty(copy.Warnings);
    }
}
