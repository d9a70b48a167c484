using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// Explains a segmentation in words: a CART tree (Gini, depth ≤ 3, leaves of ≥ 2% of the
/// customers) trained on the original feature columns (numbers in their units, categories as
/// levels) to predict the segment; each leaf's path becomes merged conditions with thresholds
/// rounded only where no customer changes side; each segment gets the leaf rule with the best
/// F1 (then precision, then fewer conditions) for it, counted by <see cref="RuleEvaluator"/>.
/// </summary>
public static class SegmentExplainer
{
    /// <param name="featureColumns">Dataset columns the segmentation used; text, multi-valued and date columns are skipped.</param>
    /// <param name="rowLabels">One per dataset row; negative rows (noise, dropped) are left out.</param>
    public static SegmentExplanation Explain(Dataset dataset, IReadOnlyList<string> featureColumns, ReadOnlySpan<int> rowLabels, DecisionTreeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(featureColumns);
        if (rowLabels.Length != dataset.RowCount)
        {
            throw new ArgumentException($"Expected one label per row ({dataset.RowCount}), got {rowLabels.Length}.", nameof(rowLabels));
        }

        var features = featureColumns
            .Distinct()
            .Select(name => dataset[name])
            .Where(column => column.Kind != ColumnKind.DateTime)
            .Select(TreeFeature.FromColumn)
            .OfType<TreeFeature>()
            .ToList();
        var segmented = 0;
        foreach (var label in rowLabels)
        {
            segmented += label >= 0 ? 1 : 0;
        }

        var labels = rowLabels.ToArray();
        var tree = DecisionTree.Fit(features, labels, options ?? DecisionTreeOptions.ForRows(segmented), cancellationToken);
        // The values around each threshold, for the features the tree splits on (others stay empty).
        var splitOn = tree.Nodes.Where(node => !node.IsLeaf).Select(node => node.Feature).ToHashSet();
        var boundaries = new double[features.Count][];
        Parallel.For(0, features.Count, new ParallelOptions { CancellationToken = cancellationToken }, f => boundaries[f] = splitOn.Contains(f) ? SortedValues(features[f], labels) : []);
        var leafConditions = Enumerable.Range(0, tree.Nodes.Length)
            .Select(node => tree.Nodes[node].IsLeaf ? ConditionsOf(tree, dataset, boundaries, node) : [])
            .ToImmutableArray();

        // Which customers each leaf's rule matches, worked out once and counted for every segment.
        var leafMatches = Enumerable.Range(0, tree.Nodes.Length)
            .Where(node => tree.Nodes[node].IsLeaf)
            .Select(node => (Conditions: leafConditions[node], Matches: RuleEvaluator.Matches(dataset, leafConditions[node])))
            .ToList();
        var rules = tree.Classes
            .Select(segment => BestRule(leafMatches, segment, labels))
            .ToImmutableArray();
        return new SegmentExplanation(tree, rules, Fidelity(tree, labels), leafConditions);
    }

    private static SegmentRule BestRule(IEnumerable<(ImmutableArray<RuleCondition> Conditions, bool[] Matches)> leafMatches, int segment, int[] labels) =>
        leafMatches
            .Select(leaf => RuleEvaluator.Count(leaf.Matches, segment, leaf.Conditions, labels))
            .OrderByDescending(F1)
            .ThenByDescending(rule => double.IsNaN(rule.Precision) ? -1 : rule.Precision)
            .ThenBy(rule => rule.Conditions.Length)
            .First();

    private static double F1(SegmentRule rule) =>
        rule.MatchedInSegment == 0 ? 0 : 2.0 * rule.MatchedInSegment / (rule.Matched + rule.SegmentSize);

    private static double Fidelity(DecisionTree tree, int[] labels)
    {
        int segmented = 0, agree = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            if (labels[row] < 0)
            {
                continue;
            }

            segmented++;
            var leaf = tree.LeafOf(feature => tree.Features[feature].Values[row]);
            agree += tree.Classes[tree.Nodes[leaf].Majority] == labels[row] ? 1 : 0;
        }

        return segmented == 0 ? double.NaN : (double)agree / segmented;
    }

    /// <summary>Distinct finite values of a numeric feature over the segmented rows, ascending (empty for a category).</summary>
    private static double[] SortedValues(TreeFeature feature, int[] labels)
    {
        if (feature.IsCategorical)
        {
            return [];
        }

        var distinct = new List<double>();
        foreach (var row in feature.RowsByValue())
        {
            var value = feature.Values[row];
            if (labels[row] >= 0 && (distinct.Count == 0 || value != distinct[^1]))
            {
                distinct.Add(value);
            }
        }

        return [.. distinct];
    }

    private static ImmutableArray<RuleCondition> ConditionsOf(DecisionTree tree, Dataset dataset, double[][] boundaries, int leaf)
    {
        var path = tree.PathTo(leaf);
        var builder = new PathConditions();
        for (var i = 0; i < path.Length - 1; i++)
        {
            var node = tree.Nodes[path[i]];
            var left = node.Left == path[i + 1];
            var feature = tree.Features[node.Feature];
            if (feature.IsCategorical)
            {
                builder.AddLevel(feature.Name, feature.Levels[node.Level], isLevel: !left);
            }
            else if (dataset[feature.Name].Kind == ColumnKind.Boolean)
            {
                builder.AddLevel(feature.Name, left ? "No" : "Yes", isLevel: true);
            }
            else
            {
                builder.AddBound(feature.Name, Bound(boundaries[node.Feature], node.Threshold, left));
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The side of a split as a comparison, with a round threshold when one lies between the
    /// largest value on the left and the smallest on the right (then no customer changes side).
    /// </summary>
    private static (RuleOperator Operator, double Number) Bound(double[] sorted, double threshold, bool left)
    {
        var index = Array.BinarySearch(sorted, threshold);
        var firstAbove = index >= 0 ? index + 1 : ~index;
        var round = firstAbove > 0 && firstAbove < sorted.Length
            ? ThresholdRounding.Between(sorted[firstAbove - 1], sorted[firstAbove])
            : null;
        return round is { } r
            ? (left ? RuleOperator.Less : RuleOperator.GreaterOrEqual, r)
            : (left ? RuleOperator.LessOrEqual : RuleOperator.Greater, threshold);
    }
}
