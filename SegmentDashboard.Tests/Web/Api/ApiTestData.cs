using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Small deterministic CSV files and request helpers for the API tests.</summary>
public static class ApiTestData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// 60 customers in three well separated groups (20 each, in file order A, B, C repeated),
    /// with an identifier column, a categorical column, and Income missing on rows
    /// <paramref name="missingIncomeRows"/> (0-based data rows).
    /// </summary>
    public static string Customers(params int[] missingIncomeRows)
    {
        var centres = new[] { (Age: 25.0, Income: 20.0, Score: 80.0), (Age: 45.0, Income: 90.0, Score: 20.0), (Age: 65.0, Income: 50.0, Score: 50.0) };
        var random = new Random(7);
        var csv = new StringBuilder("CustomerID,Age,Income,Score,Region\n");
        for (var row = 0; row < 60; row++)
        {
            var centre = centres[row % 3];
            var age = centre.Age + Math.Round((random.NextDouble() - 0.5) * 6, 1);
            var income = centre.Income + Math.Round((random.NextDouble() - 0.5) * 8, 1);
            var score = centre.Score + Math.Round((random.NextDouble() - 0.5) * 8, 1);
            var region = (row % 4) switch { 0 => "North", 1 => "South", 2 => "East", _ => "West" };
            csv.Append(CultureInfo.InvariantCulture, $"C{row + 1:D3},{age},")
                .Append(missingIncomeRows.Contains(row) ? string.Empty : income.ToString(CultureInfo.InvariantCulture))
                .Append(CultureInfo.InvariantCulture, $",{score},{region}\n");
        }

        return csv.ToString();
    }

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    public static MultipartFormDataContent Multipart(string text, string partName = "file", string fileName = "customers.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, partName, fileName } };
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem JSON response with the status and returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }
}
