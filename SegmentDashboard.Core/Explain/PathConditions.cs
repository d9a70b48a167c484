using System.Collections.Immutable;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// Merges the splits along one tree path into one condition per column: the tightest lower and
/// upper bound of a number; for a category, its level (=) or the levels it is not (!= / not in).
/// </summary>
internal sealed class PathConditions
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (RuleOperator Operator, double Number)> _lower = [];
    private readonly Dictionary<string, (RuleOperator Operator, double Number)> _upper = [];
    private readonly Dictionary<string, string> _equal = [];
    private readonly Dictionary<string, List<string>> _excluded = [];

    public void AddBound(string column, (RuleOperator Operator, double Number) bound)
    {
        Remember(column);
        var isLower = bound.Operator is RuleOperator.Greater or RuleOperator.GreaterOrEqual;
        var bounds = isLower ? _lower : _upper;
        if (!bounds.TryGetValue(column, out var current) || Tighter(bound, current, isLower))
        {
            bounds[column] = bound;
        }
    }

    public void AddLevel(string column, string level, bool isLevel)
    {
        Remember(column);
        if (isLevel)
        {
            _equal[column] = level;
        }
        else
        {
            if (!_excluded.TryGetValue(column, out var levels))
            {
                _excluded[column] = levels = [];
            }

            levels.Add(level);
        }
    }

    public ImmutableArray<RuleCondition> Build()
    {
        var result = ImmutableArray.CreateBuilder<RuleCondition>();
        foreach (var column in _order)
        {
            if (_lower.TryGetValue(column, out var lower))
            {
                result.Add(RuleCondition.Compare(column, lower.Operator, lower.Number));
            }

            if (_upper.TryGetValue(column, out var upper))
            {
                result.Add(RuleCondition.Compare(column, upper.Operator, upper.Number));
            }

            if (_equal.TryGetValue(column, out var level))
            {
                result.Add(RuleCondition.Category(column, RuleOperator.Equal, [level]));
            }
            else if (_excluded.TryGetValue(column, out var levels))
            {
                result.Add(RuleCondition.Category(column, levels.Count == 1 ? RuleOperator.NotEqual : RuleOperator.NotIn, levels));
            }
        }

        return result.ToImmutable();
    }

    private void Remember(string column)
    {
        if (!_order.Contains(column))
        {
            _order.Add(column);
        }
    }

    /// <summary>A larger lower bound (or a smaller upper bound) is tighter; at equal numbers the strict one is.</summary>
    private static bool Tighter((RuleOperator Operator, double Number) candidate, (RuleOperator Operator, double Number) current, bool isLower)
    {
        if (candidate.Number != current.Number)
        {
            return isLower ? candidate.Number > current.Number : candidate.Number < current.Number;
        }

        return candidate.Operator is RuleOperator.Greater or RuleOperator.Less;
    }
}
