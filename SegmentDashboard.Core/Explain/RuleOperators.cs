namespace SegmentDashboard.Core.Explain;

/// <summary>API spellings of <see cref="RuleOperator"/>: &lt; &lt;= &gt; &gt;= = != in "not in".</summary>
public static class RuleOperators
{
    public static string Token(RuleOperator op) => op switch
    {
        RuleOperator.Less => "<",
        RuleOperator.LessOrEqual => "<=",
        RuleOperator.Greater => ">",
        RuleOperator.GreaterOrEqual => ">=",
        RuleOperator.Equal => "=",
        RuleOperator.NotEqual => "!=",
        RuleOperator.In => "in",
        _ => "not in",
    };

    /// <summary>The operator for an API token; throws naming the token when unknown.</summary>
    public static RuleOperator Parse(string token) => token switch
    {
        "<" => RuleOperator.Less,
        "<=" => RuleOperator.LessOrEqual,
        ">" => RuleOperator.Greater,
        ">=" => RuleOperator.GreaterOrEqual,
        "=" => RuleOperator.Equal,
        "!=" => RuleOperator.NotEqual,
        "in" => RuleOperator.In,
        "not in" => RuleOperator.NotIn,
        _ => throw new ArgumentException($"Unknown rule operator '{token}'.", nameof(token)),
    };

    /// <summary>True for &lt; &lt;= &gt; &gt;=, which compare numbers.</summary>
    public static bool IsNumeric(RuleOperator op) => op is RuleOperator.Less or RuleOperator.LessOrEqual or RuleOperator.Greater or RuleOperator.GreaterOrEqual;
}
