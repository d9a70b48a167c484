namespace SegmentDashboard.Core.Explain;

/// <summary>The comparison of a <see cref="RuleCondition"/>; <see cref="RuleOperators.Token"/> gives the API spelling.</summary>
public enum RuleOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    In,
    NotIn,
}
