using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Tests.Web.Api;

public sealed class ProblemResultsTests
{
    [Theory]
    [InlineData("ClusterCount", "k")]
    [InlineData("Eps", "eps")]
    [InlineData("MinSamples", "minSamples")]
    [InlineData("Features", "features")]
    [InlineData("Restarts", "restarts")]
    [InlineData("Linkage", "linkage")]
    public void From_InvalidInputFromTheService_400WithTheQueryName(string paramName, string query)
    {
        var exception = new InvalidInputException("The value is out of range for this file.", paramName);

        var result = ProblemResults.From(exception, NullLogger.Instance);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal($"Parameter '{query}': The value is out of range for this file.", result.ProblemDetails.Detail);
        Assert.Equal(query, result.ProblemDetails.Extensions["parameter"]);
    }

    [Fact]
    public void From_InvalidInputWithoutAParameter_400WithTheMessage()
    {
        var result = ProblemResults.From(new InvalidInputException("No usable feature is left after excluding constant columns."), NullLogger.Instance);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("No usable feature is left after excluding constant columns.", result.ProblemDetails.Detail);
        Assert.False(result.ProblemDetails.Extensions.ContainsKey("parameter"));
    }

    [Fact]
    public void From_CsvLoadExceptionWithoutLineInTheMessage_LineAndColumnAppended()
    {
        var exception = new CsvLoadException(CsvLoadError.UnclosedQuote, "A quoted field is never closed.", line: 3, column: 7);

        var result = ProblemResults.From(exception, NullLogger.Instance);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("A quoted field is never closed (line 3, column 7).", result.ProblemDetails.Detail);
        Assert.Equal(3, result.ProblemDetails.Extensions["line"]);
        Assert.Equal(7, result.ProblemDetails.Extensions["column"]);
        Assert.Equal("UnclosedQuote", result.ProblemDetails.Extensions["error"]);
    }

    [Fact]
    public void From_CsvLoadExceptionNamingTheLine_MessageKept()
    {
        var exception = new CsvLoadException(CsvLoadError.RaggedRow, "Line 14 has 6 fields but the header has 5.", line: 14);

        var result = ProblemResults.From(exception, NullLogger.Instance);

        Assert.Equal("Line 14 has 6 fields but the header has 5.", result.ProblemDetails.Detail);
    }

    [Fact]
    public void From_CsvTooLarge_413()
    {
        var result = ProblemResults.From(new CsvLoadException(CsvLoadError.TooLarge, "The file is too large."), NullLogger.Instance);

        Assert.Equal(413, result.StatusCode);
    }

    [Fact]
    public void From_ServerBodyLimit_413()
    {
        var result = ProblemResults.From(new BadHttpRequestException("Request body too large.", 413), NullLogger.Instance);

        Assert.Equal(413, result.StatusCode);
        Assert.Equal("Upload too large", result.ProblemDetails.Title);
    }

    [Fact]
    public void From_UnexpectedException_500WithoutItsMessage()
    {
        var exception = new InvalidOperationException("Sequence contains no elements in /work/secret/Clusterer.cs");

        var result = ProblemResults.From(exception, NullLogger.Instance);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(ProblemResults.UnexpectedDetail, result.ProblemDetails.Detail);
        Assert.Equal(["correlationId"], result.ProblemDetails.Extensions.Keys);
    }

    [Fact]
    public void From_InternalArgumentOutOfRange_500WithACorrelationIdNotA400()
    {
        // An internal bug's ArgumentOutOfRangeException is not "the user's input is wrong" any more.
        var result = ProblemResults.From(new ArgumentOutOfRangeException("index", "Index was out of range."), NullLogger.Instance);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(ProblemResults.UnexpectedDetail, result.ProblemDetails.Detail);
        Assert.Matches("^[0-9a-f]{16}$", (string)result.ProblemDetails.Extensions["correlationId"]!);
    }
}
