using System.Text;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Core.Data;

public class CsvLoaderTests
{
    private static byte[] ManyRows(int rows)
    {
        var text = new StringBuilder("id,x,group\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i).Append(',').Append(i * 0.5).Append(',').Append(i % 3 == 0 ? "a" : "b").Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public void Load_CancelledToken_ThrowsOperationCanceled()
    {
        using var stream = new MemoryStream(ManyRows(10));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CsvLoader.Load(stream, "x.csv", cancellationToken: cts.Token));
    }

    [Fact]
    public void Load_CancelledWhileReading_ThrowsOperationCanceled()
    {
        // Arrange: cancel from the first progress report after reading started.
        using var stream = new MemoryStream(ManyRows(60_000));
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Fraction > 0)
            {
                cts.Cancel();
            }
        });

        // Act / Assert
        Assert.ThrowsAny<OperationCanceledException>(() => CsvLoader.Load(stream, "x.csv", progress: progress, cancellationToken: cts.Token));
    }

    [Fact]
    public void Load_Progress_ReportedAtMostAboutTwentyTimesAndIncreasing()
    {
        using var stream = new MemoryStream(ManyRows(60_000));
        var reports = new List<LoadProgress>();

        var dataset = CsvLoader.Load(stream, "x.csv", progress: new SyncProgress(reports.Add));

        Assert.Equal(60_000, dataset.RowCount);
        Assert.InRange(reports.Count, 3, 22);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(pair => pair.Second.Fraction >= pair.First.Fraction));
    }

    [Fact]
    public void Load_NonSeekableStream_ReadOnceAndLeftOpen()
    {
        // Arrange: a stream that can only be read forward, larger than the sniffing prefix.
        var bytes = ManyRows(20_000);
        using var inner = new MemoryStream(bytes);
        using var stream = new ForwardOnlyStream(inner);

        // Act
        var dataset = CsvLoader.Load(stream, "x.csv");

        // Assert
        Assert.Equal(20_000, dataset.RowCount);
        Assert.Equal(ColumnKind.Identifier, dataset["id"].Kind); // unique consecutive integers
        Assert.Equal(9999.5, ((NumericColumn)dataset["x"]).Values[19_999]);
        Assert.True(inner.CanRead);
    }

    [Fact]
    public void Load_InputBytes_NotMutated()
    {
        var bytes = Encoding.UTF8.GetBytes("a;b\n1,5;x\n2,5;y\n");
        var copy = bytes.ToArray();

        _ = CsvLoader.Load(new MemoryStream(bytes), "x.csv");

        Assert.Equal(copy, bytes);
    }

    [Fact]
    public void Load_ForcedDelimiterAndDecimalComma_OverrideSniffing()
    {
        var options = new CsvLoadOptions { Delimiter = ';', DecimalComma = false };

        var dataset = CsvLoader.LoadText("a;b\n1.5;2\n3.5;4\n", options: options);

        Assert.Equal(';', dataset.Dialect!.Delimiter);
        Assert.False(dataset.Dialect.DecimalComma);
        Assert.Equal([1.5, 3.5], ((NumericColumn)dataset["a"]).Values.ToArray());
    }

    [Theory]
    [InlineData(':', 10)]
    [InlineData(',', 0)]
    public void Load_InvalidOptions_ThrowsArgumentException(char delimiter, int maxRows)
    {
        var options = new CsvLoadOptions { Delimiter = delimiter, MaxRows = maxRows };

        Assert.Throws<ArgumentException>(() => CsvLoader.LoadText("a,b\n1,2\n", options: options));
    }

    [Fact]
    public void Load_ManyRaggedRowsBelowTenPercent_OneWarningPerRowUpToFiftyThenSummary()
    {
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append(i % 17 == 0 ? "1,2,3\n" : "1,2\n");
        }

        var dataset = CsvLoader.LoadText(text.ToString());

        Assert.Equal(1000 - 59, dataset.RowCount);
        Assert.Equal(51, dataset.Warnings.Length);
        Assert.Equal(2, dataset.Warnings[0].Line);
        Assert.Contains("9 more rows", dataset.Warnings[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedQuoteInHeader_NamesLineOne()
    {
        var exception = Assert.Throws<CsvLoadException>(() => CsvLoader.LoadText("\"a,b\n1,2\n"));

        Assert.Equal(CsvLoadError.UnclosedQuote, exception.Error);
        Assert.Equal(1, exception.Line);
    }

    [Fact]
    public void Load_QuotedHeaderNames_AreUnquoted()
    {
        var dataset = CsvLoader.LoadText("\"First name\",\"Spend, total\"\nAnn,3\n");

        Assert.Equal(["First name", "Spend, total"], dataset.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Load_StrayQuoteInsideField_KeptAsText()
    {
        var dataset = CsvLoader.LoadText("name,height\nAnn,5'11\"\nBob,6'1\"\n");

        Assert.Equal("5'11\"", dataset["height"].Format(0));
    }

    private sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
