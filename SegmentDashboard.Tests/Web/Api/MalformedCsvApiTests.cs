using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Every case of the ingest corpus posted to the API: a result or a specific 400/413, never a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedCsvApiTests
{
    private readonly ApiFixture _fixture;

    public MalformedCsvApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    public static IEnumerable<object[]> Cases => MalformedCsvCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Segment_CorpusCase_ResultOrSpecificProblem(string name)
    {
        var @case = MalformedCsvCorpus.Get(name);
        using var client = _fixture.CreateClient();
        var content = new ByteArrayContent(@case.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await client.PostAsync("/api/segment", content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
            $"{name}: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.True(@case.LoadsSuccessfully || @case.Options is not null, $"{name} should have been refused: {body}");
            Assert.Equal(json.GetProperty("rows").GetInt32(), json.GetProperty("labels").GetArrayLength());
            if (@case.Rows is { } rows && @case.Options is null)
            {
                Assert.Equal(rows, json.GetProperty("rows").GetInt32());
            }

            return;
        }

        var detail = json.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        ErrorLeakCheck(body);
        if (@case.Error is { } error && @case.Options is null && error != CsvLoadError.EmptyFile)
        {
            Assert.Equal(error.ToString(), json.GetProperty("error").GetString());
            if (@case.Line is { } line)
            {
                Assert.Contains($"line {line}", detail, StringComparison.OrdinalIgnoreCase);
            }
        }
        else if (@case.Error == CsvLoadError.EmptyFile)
        {
            Assert.Contains("empty", detail, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void ErrorLeakCheck(string body)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
