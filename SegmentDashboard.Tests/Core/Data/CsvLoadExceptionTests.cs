using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Core.Data;

/// <summary>The one wording of a file error (Data page, saved-analysis upload, API problem detail).</summary>
public sealed class CsvLoadExceptionTests
{
    [Theory]
    [InlineData("Line 14 has 6 fields but the header has 5.", 14, 6, "Line 14 has 6 fields but the header has 5.")]
    [InlineData("A quote is never closed.", 3, 2, "A quote is never closed (line 3, column 2).")]
    [InlineData("A quote is never closed", 3, null, "A quote is never closed (line 3).")]
    [InlineData("The file is empty.", null, null, "The file is empty.")]
    public void Describe_LineAndColumn_NamedOnce(string message, int? line, int? column, string expected)
    {
        var exception = new CsvLoadException(CsvLoadError.UnclosedQuote, message, line, column);

        Assert.Equal(expected, exception.Describe());
    }
}
