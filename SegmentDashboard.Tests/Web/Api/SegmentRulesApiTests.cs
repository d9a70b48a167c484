using System.Net;
using System.Text.Json;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Issue 11's contract: segments[i].rule and ruleFidelity on /api/segment, recountable from the file.</summary>
[Collection(ApiCollection.Name)]
public sealed class SegmentRulesApiTests
{
    private readonly ApiFixture _fixture;

    public SegmentRulesApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Segment_BuiltInSample_EachRuleRecountsFromTheFilesOwnRows()
    {
        // Arrange
        using var client = _fixture.CreateClient();
        var csv = await client.GetStringAsync("/api/sample.csv");

        // Act
        using var response = await client.PostAsync("/api/segment?k=4&seed=1", ApiTestData.Csv(csv));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var fidelity = json.GetProperty("ruleFidelity").GetDouble();
        Assert.InRange(fidelity, 0.0, 1.0);
        Assert.Equal("euclidean", json.GetProperty("distance").GetString());
        var labels = json.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var dataset = CsvLoader.LoadText(csv);
        string[] operators = ["<", "<=", ">", ">=", "=", "!=", "in", "not in"];
        foreach (var segment in json.GetProperty("segments").EnumerateArray())
        {
            var id = segment.GetProperty("id").GetInt32();
            var rule = segment.GetProperty("rule");
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("text").GetString()));
            var conditions = rule.GetProperty("conditions").EnumerateArray().ToList();
            Assert.All(conditions, c => Assert.Contains(c.GetProperty("operator").GetString(), operators));
            int matched = 0, hits = 0, size = 0;
            for (var row = 0; row < dataset.RowCount; row++)
            {
                if (labels[row] < 0)
                {
                    continue;
                }

                size += labels[row] == id ? 1 : 0;
                if (conditions.All(c => RuleConditions.Holds(dataset[c.GetProperty("column").GetString()!].Format(row), c)))
                {
                    matched++;
                    hits += labels[row] == id ? 1 : 0;
                }
            }

            Assert.Equal((double)hits / matched, rule.GetProperty("precision").GetDouble());
            Assert.Equal((double)hits / size, rule.GetProperty("coverage").GetDouble());
        }
    }
}
