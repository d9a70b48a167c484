using System.Globalization;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Data;

public class MalformedCsvCorpusTests
{
    public static IEnumerable<object[]> CaseNames => MalformedCsvCorpus.Names;

    [Fact]
    public void Corpus_HasAtLeastThirtyDistinctCases()
    {
        Assert.True(MalformedCsvCorpus.All.Count >= 30);
        Assert.Equal(MalformedCsvCorpus.All.Count, MalformedCsvCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Load_CorpusCase_GivesExpectedOutcome(string name)
    {
        // Arrange
        var @case = MalformedCsvCorpus.Get(name);
        using var stream = new MemoryStream(@case.Bytes, writable: false);

        // Act
        var load = () => CsvLoader.Load(stream, name + ".csv", @case.Options);

        // Assert
        if (@case.Error is { } error)
        {
            var exception = Assert.Throws<CsvLoadException>(load);
            Assert.Equal(error, exception.Error);
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            if (@case.MessageContains is { } phrase)
            {
                Assert.Contains(phrase, exception.Message, StringComparison.Ordinal);
            }

            if (@case.Line is { } line)
            {
                Assert.Equal(line, exception.Line);
                Assert.Contains("line " + line.ToString(CultureInfo.InvariantCulture), exception.Message, StringComparison.OrdinalIgnoreCase);
            }

            return;
        }

        var dataset = load();
        if (@case.Rows is { } rows)
        {
            Assert.Equal(rows, dataset.RowCount);
            Assert.All(dataset.Columns, column => Assert.Equal(rows, column.Count));
        }

        if (@case.Columns is { } columns)
        {
            Assert.Equal(columns, dataset.Columns.Length);
        }

        foreach (var (column, kind) in @case.Kinds ?? new Dictionary<string, ColumnKind>())
        {
            Assert.True(kind == dataset[column].Kind, $"Column '{column}': expected {kind}, got {dataset[column].Kind}.");
        }

        if (@case.WarningContains is { } warning)
        {
            Assert.Contains(dataset.Warnings, w => w.Message.Contains(warning, StringComparison.Ordinal));
        }

        Assert.Equal(dataset.Columns.Length, dataset.Columns.Select(c => c.Name).Distinct().Count());
        @case.Check?.Invoke(dataset);
    }
}
