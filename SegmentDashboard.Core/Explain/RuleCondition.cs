using System.Collections.Immutable;
using System.Globalization;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// One condition of a segment rule: a column compared with a number (&lt; &lt;= &gt; &gt;=) or with
/// levels as the file shows them (= and != take one level, in and not in a list).
/// </summary>
/// <param name="Column">The dataset column's header.</param>
/// <param name="Number">The number of a numeric comparison; NaN otherwise.</param>
/// <param name="Levels">The level(s) of a category comparison; empty otherwise.</param>
public sealed record RuleCondition(string Column, RuleOperator Operator, double Number, ImmutableArray<string> Levels)
{
    public static RuleCondition Compare(string column, RuleOperator op, double number) =>
        new(column, op, number, ImmutableArray<string>.Empty);

    public static RuleCondition Category(string column, RuleOperator op, IEnumerable<string> levels) =>
        new(column, op, double.NaN, levels.ToImmutableArray());

    /// <summary>In plain words, e.g. "Annual income ≥ 81,000" or "Preferred category is Books or Music".</summary>
    public string Text => Operator switch
    {
        RuleOperator.Less => $"{Column} < {FormatNumber(Number)}",
        RuleOperator.LessOrEqual => $"{Column} ≤ {FormatNumber(Number)}",
        RuleOperator.Greater => $"{Column} > {FormatNumber(Number)}",
        RuleOperator.GreaterOrEqual => $"{Column} ≥ {FormatNumber(Number)}",
        RuleOperator.Equal or RuleOperator.In => $"{Column} is {string.Join(" or ", Levels)}",
        _ => $"{Column} is not {string.Join(" or ", Levels)}",
    };

    /// <summary>A threshold as a person writes it: thousands separators, no trailing zeros.</summary>
    public static string FormatNumber(double value) =>
        value.ToString("#,0.###############", CultureInfo.InvariantCulture);
}
