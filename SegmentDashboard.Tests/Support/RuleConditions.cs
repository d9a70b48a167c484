using System.Globalization;
using System.Text.Json;

namespace SegmentDashboard.Tests.Support;

/// <summary>
/// The API's rule conditions (<c>{ column, operator, value }</c>) applied independently of the
/// engine, to cells as the file shows them: how the tests recount a rule's precision and coverage.
/// </summary>
public static class RuleConditions
{
    /// <summary>Whether <paramref name="cell"/> satisfies <paramref name="condition"/>; an empty cell matches nothing.</summary>
    public static bool Holds(string cell, JsonElement condition)
    {
        if (cell.Length == 0)
        {
            return false;
        }

        var value = condition.GetProperty("value");
        return condition.GetProperty("operator").GetString() switch
        {
            "<" => Number(cell) < value.GetDouble(),
            "<=" => Number(cell) <= value.GetDouble(),
            ">" => Number(cell) > value.GetDouble(),
            ">=" => Number(cell) >= value.GetDouble(),
            "=" => cell == value.GetString(),
            "!=" => cell != value.GetString(),
            "in" => value.EnumerateArray().Any(level => level.GetString() == cell),
            "not in" => value.EnumerateArray().All(level => level.GetString() != cell),
            var other => throw new InvalidOperationException($"Unknown operator '{other}'."),
        };
    }

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}
