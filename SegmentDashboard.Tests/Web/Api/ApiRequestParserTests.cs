using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Api;

public sealed class ApiRequestParserTests
{
    [Fact]
    public void Parse_NoParameters_EngineDefaultsWithSweepAndWithoutStability()
    {
        var request = ApiRequestParser.Parse(Query(string.Empty));

        Assert.Empty(request.Features);
        Assert.Equal(ClusteringAlgorithm.KMeans, request.Algorithm);
        Assert.Null(request.ClusterCount);
        Assert.Equal(new SegmentationRequest().Restarts, request.Restarts);
        Assert.True(request.IncludeSweep);
        Assert.False(request.IncludeStability);
    }

    [Fact]
    public void Parse_EveryParameter_MapsToTheRequest()
    {
        var request = ApiRequestParser.Parse(Query(
            "?features=Age,Income&algorithm=hierarchical&k=4&linkage=average&eps=0.75&minSamples=3&scaling=robust&missing=drop&seed=-12&restarts=9"));

        Assert.Equal(new[] { "Age", "Income" }, request.Features.ToArray());
        Assert.Equal(ClusteringAlgorithm.Hierarchical, request.Algorithm);
        Assert.Equal(4, request.ClusterCount);
        Assert.Equal(LinkageMethod.Average, request.Linkage);
        Assert.Equal(0.75, request.Eps);
        Assert.Equal(3, request.MinSamples);
        Assert.Equal(ScalingMethod.Robust, request.Scaling);
        Assert.Equal(MissingValueStrategy.DropRows, request.Missing);
        Assert.Equal(-12, request.Seed);
        Assert.Equal(9, request.Restarts);
        Assert.False(request.IncludeSweep);
        Assert.False(request.IncludeStability);
    }

    [Theory]
    [InlineData("kmeans", ClusteringAlgorithm.KMeans)]
    [InlineData("hierarchical", ClusteringAlgorithm.Hierarchical)]
    [InlineData("dbscan", ClusteringAlgorithm.Dbscan)]
    [InlineData("KMeans", ClusteringAlgorithm.KMeans)]
    [InlineData("DBSCAN", ClusteringAlgorithm.Dbscan)]
    public void Parse_Algorithm_CaseInsensitive(string value, ClusteringAlgorithm expected)
    {
        Assert.Equal(expected, ApiRequestParser.Parse(Query("?algorithm=" + value)).Algorithm);
    }

    [Theory]
    [InlineData("ward", LinkageMethod.Ward)]
    [InlineData("complete", LinkageMethod.Complete)]
    [InlineData("average", LinkageMethod.Average)]
    [InlineData("single", LinkageMethod.Single)]
    public void Parse_Linkage_Maps(string value, LinkageMethod expected)
    {
        Assert.Equal(expected, ApiRequestParser.Parse(Query("?linkage=" + value)).Linkage);
    }

    [Theory]
    [InlineData("zscore", ScalingMethod.ZScore)]
    [InlineData("minmax", ScalingMethod.MinMax)]
    [InlineData("robust", ScalingMethod.Robust)]
    [InlineData("none", ScalingMethod.None)]
    public void Parse_Scaling_Maps(string value, ScalingMethod expected)
    {
        Assert.Equal(expected, ApiRequestParser.Parse(Query("?scaling=" + value)).Scaling);
    }

    [Theory]
    [InlineData("drop", MissingValueStrategy.DropRows)]
    [InlineData("mean", MissingValueStrategy.Mean)]
    [InlineData("median", MissingValueStrategy.Median)]
    public void Parse_Missing_Maps(string value, MissingValueStrategy expected)
    {
        Assert.Equal(expected, ApiRequestParser.Parse(Query("?missing=" + value)).Missing);
    }

    [Fact]
    public void Parse_ParameterNamesInAnyCase_Accepted()
    {
        var request = ApiRequestParser.Parse(Query("?K=3&ALGORITHM=hierarchical&MinSamples=7&EPS=1.5"));

        Assert.Equal(3, request.ClusterCount);
        Assert.Equal(ClusteringAlgorithm.Hierarchical, request.Algorithm);
        Assert.Equal(7, request.MinSamples);
        Assert.Equal(1.5, request.Eps);
    }

    [Theory]
    [InlineData("?features=")]
    [InlineData("?features=%20")]
    public void Parse_BlankFeatures_EngineDefault(string query)
    {
        Assert.Empty(ApiRequestParser.Parse(Query(query)).Features);
    }

    [Fact]
    public void Parse_DbscanWithoutK_NoSweep()
    {
        Assert.False(ApiRequestParser.Parse(Query("?algorithm=dbscan")).IncludeSweep);
    }

    [Fact]
    public void Parse_UnderACommaDecimalCulture_NumbersStillInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(0.25, ApiRequestParser.Parse(Query("?eps=0.25")).Eps);
            var error = Assert.Throws<ApiProblemException>(() => ApiRequestParser.Parse(Query("?eps=0,25")));
            Assert.Equal("eps", error.Parameter);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("Age,Income", new[] { "Age", "Income" })]
    [InlineData(" Age , Annual Income (k$) ", new[] { "Age", "Annual Income (k$)" })]
    [InlineData("\"Income, yearly\",Age", new[] { "Income, yearly", "Age" })]
    [InlineData("\"Say \"\"hi\"\"\"", new[] { "Say \"hi\"" })]
    public void SplitNames_CommaSeparatedWithQuotes_Names(string text, string[] expected)
    {
        Assert.Equal(expected, ApiRequestParser.SplitNames(text).ToArray());
    }

    [Theory]
    [InlineData("?k=1", "k")]
    [InlineData("?k=0", "k")]
    [InlineData("?k=-3", "k")]
    [InlineData("?k=abc", "k")]
    [InlineData("?k=2.5", "k")]
    [InlineData("?k=", "k")]
    [InlineData("?k=3&k=4", "k")]
    [InlineData("?eps=0", "eps")]
    [InlineData("?eps=-0.5", "eps")]
    [InlineData("?eps=abc", "eps")]
    [InlineData("?eps=NaN", "eps")]
    [InlineData("?eps=Infinity", "eps")]
    [InlineData("?minSamples=0", "minSamples")]
    [InlineData("?minSamples=x", "minSamples")]
    [InlineData("?seed=abc", "seed")]
    [InlineData("?seed=1.5", "seed")]
    [InlineData("?seed=99999999999", "seed")]
    [InlineData("?restarts=0", "restarts")]
    [InlineData("?restarts=many", "restarts")]
    [InlineData("?algorithm=kmedoids", "algorithm")]
    [InlineData("?linkage=centroid", "linkage")]
    [InlineData("?scaling=log", "scaling")]
    [InlineData("?missing=zero", "missing")]
    [InlineData("?features=Age,,Income", "features")]
    [InlineData("?features=Age,Age", "features")]
    [InlineData("?features=%22Age", "features")]
    [InlineData("?clusters=5", "clusters")]
    public void Parse_BadParameter_ProblemNamingTheParameter(string query, string parameter)
    {
        var error = Assert.Throws<ApiProblemException>(() => ApiRequestParser.Parse(Query(query)));

        Assert.Equal(400, error.Status);
        Assert.Equal(parameter, error.Parameter);
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}
