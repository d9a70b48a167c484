using System.Collections.Immutable;
using SegmentDashboard.Core.Explain;

namespace SegmentDashboard.Api;

/// <summary>One condition of a segment rule: <c>value</c> is a number, a level, or a list of levels (in / not in).</summary>
public sealed record RuleConditionResponse(string Column, string Operator, object Value)
{
    public static RuleConditionResponse From(RuleCondition condition) => new(
        condition.Column,
        RuleOperators.Token(condition.Operator),
        RuleOperators.IsNumeric(condition.Operator) ? condition.Number
            : condition.Operator is RuleOperator.In or RuleOperator.NotIn ? condition.Levels.ToArray()
            : condition.Levels[0]);
}

/// <summary>A segment's rule in the API: plain text, precision and coverage (recounted on the file's rows), conditions.</summary>
public sealed record RuleResponse(string Text, double? Precision, double? Coverage, ImmutableArray<RuleConditionResponse> Conditions)
{
    public static RuleResponse From(SegmentRule rule) => new(
        rule.Text,
        SegmentResponse.OrNull(rule.Precision),
        SegmentResponse.OrNull(rule.Coverage),
        rule.Conditions.Select(RuleConditionResponse.From).ToImmutableArray());
}
