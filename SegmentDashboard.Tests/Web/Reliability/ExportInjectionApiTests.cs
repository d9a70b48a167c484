using System.Net;
using System.Text;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>The labeled-CSV export through the HTTP API on a hostile file: formulas neutralized, markup passed through as data.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportInjectionApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task Export_HostileCsv_FormulasNeutralizedAndNegativeNumbersKept()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync("/api/export/labeled-csv?k=3", ApiTestData.Csv(HostileCsv.Text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = ExportLines(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        AssertNeutralized(lines);
    }

    /// <summary>Checks a labeled export of <see cref="HostileCsv"/>: every formula cell starts with an apostrophe, -5 stays a number.</summary>
    internal static void AssertNeutralized(IReadOnlyList<string> lines)
    {
        Assert.Equal(HostileCsv.Rows + 1, lines.Count);
        Assert.StartsWith("Id,<img src=x onerror=alert(1)>,\"\"\"><svg onload=alert(1)>\",<script>alert(1)</script>,Note,Balance,Segment,Segment name", lines[0], StringComparison.Ordinal);
        for (var i = 0; i < HostileCsv.Rows; i++)
        {
            var line = lines[i + 1];
            var formula = HostileCsv.Formulas[i % HostileCsv.Formulas.Length];
            Assert.Contains("," + HostileCsv.Neutralized(formula) + ",", line, StringComparison.Ordinal);
            Assert.Contains(i % 2 == 0 ? ",-5," : ",7,", line, StringComparison.Ordinal);
            Assert.DoesNotContain(",'-5,", line, StringComparison.Ordinal);
        }

        // No cell (after any quote) begins with a formula character unless it is neutralized.
        foreach (var line in lines.Skip(1))
        {
            foreach (var cell in SplitCells(line))
            {
                if (cell.Length > 1 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell.Length > 1 && cell[0] == '-' && !char.IsAsciiDigit(cell[1])))
                {
                    Assert.Fail($"Cell '{cell}' would run as a spreadsheet formula: {line}");
                }
            }
        }
    }

    internal static List<string> ExportLines(string text) =>
        text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>RFC 4180 cells of one line (quotes removed, doubled quotes undone).</summary>
    private static List<string> SplitCells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
