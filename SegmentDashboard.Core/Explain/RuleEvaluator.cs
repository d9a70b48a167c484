using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// Applies rule conditions to a dataset's rows, the one definition used both to count a rule's
/// precision and coverage and by anyone recounting them. Numbers compare as numbers; = != in and
/// not in compare the value as the file shows it (a category's level, Yes/No for a yes/no
/// column). A missing value satisfies no condition.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>True where every condition holds, one per dataset row.</summary>
    public static bool[] Matches(Dataset dataset, IReadOnlyList<RuleCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(conditions);
        var result = new bool[dataset.RowCount];
        Array.Fill(result, true);
        foreach (var condition in conditions)
        {
            var column = dataset[condition.Column];
            if (RuleOperators.IsNumeric(condition.Operator) && column is NumericColumn numeric)
            {
                KeepWhereNumberHolds(result, numeric.Values.AsSpan(), condition.Operator, condition.Number);
                continue;
            }

            for (var row = 0; row < result.Length; row++)
            {
                result[row] = result[row] && Holds(column, row, condition);
            }
        }

        return result;
    }

    /// <summary>What <see cref="Holds"/> says for a numeric comparison, over a whole column (NaN, missing, holds nothing).</summary>
    private static void KeepWhereNumberHolds(bool[] result, ReadOnlySpan<double> values, RuleOperator comparison, double number)
    {
        for (var row = 0; row < result.Length; row++)
        {
            result[row] &= Compares(values[row], comparison, number);
        }
    }

    /// <summary>A numeric comparison; NaN satisfies none.</summary>
    private static bool Compares(double value, RuleOperator comparison, double number) => comparison switch
    {
        RuleOperator.Less => value < number,
        RuleOperator.LessOrEqual => value <= number,
        RuleOperator.Greater => value > number,
        _ => value >= number,
    };

    /// <summary>Counts a rule over the rows with a segment (label ≥ 0), given where it matches (from <see cref="Matches"/>).</summary>
    public static SegmentRule Count(bool[] matches, int segment, ImmutableArray<RuleCondition> conditions, ReadOnlySpan<int> rowLabels)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Length != rowLabels.Length)
        {
            throw new ArgumentException($"Expected one match per labelled row ({rowLabels.Length}), got {matches.Length}.", nameof(matches));
        }

        int matched = 0, hits = 0, size = 0;
        for (var row = 0; row < rowLabels.Length; row++)
        {
            if (rowLabels[row] < 0)
            {
                continue;
            }

            size += rowLabels[row] == segment ? 1 : 0;
            if (matches[row])
            {
                matched++;
                hits += rowLabels[row] == segment ? 1 : 0;
            }
        }

        return new SegmentRule(segment, conditions, matched, hits, size);
    }

    public static bool Holds(Column column, int row, RuleCondition condition)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(condition);
        if (column.IsMissing(row))
        {
            return false;
        }

        if (RuleOperators.IsNumeric(condition.Operator))
        {
            if (column is not NumericColumn numeric)
            {
                throw new ArgumentException($"Column '{column.Name}' is not numeric, so it cannot be compared with {RuleOperators.Token(condition.Operator)}.", nameof(condition));
            }

            return Compares(numeric.Values[row], condition.Operator, condition.Number);
        }

        var shown = column.Format(row);
        var listed = condition.Levels.Contains(shown);
        return condition.Operator is RuleOperator.Equal or RuleOperator.In ? listed : !listed;
    }
}
