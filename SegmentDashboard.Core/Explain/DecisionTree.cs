using System.Buffers;
using System.Collections.Immutable;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// A CART classification tree (Gini impurity), grown like scikit-learn's
/// <c>DecisionTreeClassifier(criterion="gini", max_depth, min_samples_leaf)</c> with the best
/// splitter: every node takes the split with the largest impurity decrease, provided both
/// children keep <see cref="DecisionTreeOptions.MinSamplesLeaf"/> rows; a node is a leaf at the
/// maximum depth, when pure, when smaller than twice the minimum leaf, or when no split is valid.
/// </summary>
/// <remarks>
/// Ties: within a feature the lowest threshold wins and across features the first feature in
/// the given order wins (only a strictly better split replaces the best so far). scikit-learn
/// visits features in a random permutation, so on an exact tie between two features its choice
/// depends on <c>random_state</c>; the reference fixtures are checked to be tie-free (the same
/// tree for every random_state). A categorical feature splits one level against the rest, which
/// is scikit-learn's split of that level's one-hot column. Missing numbers go right.
/// </remarks>
/// <param name="Features">The training features (for names, kinds and levels).</param>
/// <param name="Classes">The distinct labels, ascending; class index c is <c>Classes[c]</c>.</param>
/// <param name="Nodes">Depth-first pre-order; node 0 is the root.</param>
public sealed record DecisionTree(
    ImmutableArray<TreeFeature> Features,
    ImmutableArray<int> Classes,
    ImmutableArray<TreeNode> Nodes)
{
    /// <summary>scikit-learn's FEATURE_THRESHOLD: values closer than this are not split apart.</summary>
    private const double FeatureThreshold = 1e-7;

    /// <summary>Grows the tree on the rows whose label is not negative (noise and dropped rows are left out).</summary>
    public static DecisionTree Fit(IReadOnlyList<TreeFeature> features, ReadOnlySpan<int> labels, DecisionTreeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        foreach (var feature in features)
        {
            if (feature.Values.Length != labels.Length)
            {
                throw new ArgumentException($"Feature '{feature.Name}' has {feature.Values.Length} values for {labels.Length} labels.", nameof(features));
            }
        }

        var classes = labels.ToArray().Where(label => label >= 0).Distinct().Order().ToImmutableArray();
        var classOf = new int[labels.Length];
        var rows = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            classOf[i] = labels[i] < 0 ? -1 : classes.IndexOf(labels[i]);
            if (labels[i] >= 0)
            {
                rows.Add(i);
            }
        }

        var grower = new Grower(features, classOf, classes.Length, options, cancellationToken);
        grower.Grow([.. rows], 0);
        return new DecisionTree(features.ToImmutableArray(), classes, grower.Nodes.ToImmutableArray());
    }

    /// <summary>The leaf a customer reaches; <paramref name="valueOf"/> gives feature f's value (a level code for a category, NaN missing).</summary>
    public int LeafOf(Func<int, double> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var node = 0;
        while (!Nodes[node].IsLeaf)
        {
            node = GoesLeft(Nodes[node], valueOf(Nodes[node].Feature)) ? Nodes[node].Left : Nodes[node].Right;
        }

        return node;
    }

    /// <summary>The nodes from the root to <paramref name="leaf"/>, root first.</summary>
    public ImmutableArray<int> PathTo(int leaf)
    {
        var parent = new int[Nodes.Length];
        Array.Fill(parent, -1);
        for (var n = 0; n < Nodes.Length; n++)
        {
            if (!Nodes[n].IsLeaf)
            {
                parent[Nodes[n].Left] = n;
                parent[Nodes[n].Right] = n;
            }
        }

        var path = new List<int> { leaf };
        while (parent[path[^1]] >= 0)
        {
            path.Add(parent[path[^1]]);
        }

        path.Reverse();
        return [.. path];
    }

    /// <summary>True when <paramref name="value"/> goes to the left child of <paramref name="node"/>.</summary>
    internal static bool GoesLeft(TreeNode node, double value) =>
        node.Level >= 0
            ? !(value == node.Level)
            : value <= node.Threshold;

    /// <summary>
    /// Grows the tree depth first. Each numeric feature's rows are sorted by value once, up front;
    /// a node scans that order and keeps its own rows (marked in <see cref="_mark"/>), which gives
    /// the same order as sorting the node's rows (ties by row), without a sort per node. The
    /// features are sorted and searched in parallel; the best split is then picked in feature
    /// order, so the tree does not depend on the degree of parallelism.
    /// </summary>
    private sealed class Grower
    {
        private readonly IReadOnlyList<TreeFeature> _features;
        private readonly int[] _classOf;
        private readonly int _classCount;
        private readonly DecisionTreeOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly int[]?[] _sortedRows;
        private readonly ParallelOptions _parallel;
        private readonly int[] _mark;
        private int _node;

        public Grower(IReadOnlyList<TreeFeature> features, int[] classOf, int classCount, DecisionTreeOptions options, CancellationToken cancellationToken)
        {
            _features = features;
            _classOf = classOf;
            _classCount = classCount;
            _options = options;
            _cancellationToken = cancellationToken;
            _parallel = new ParallelOptions { CancellationToken = cancellationToken };
            _sortedRows = new int[]?[features.Count];
            Parallel.For(0, features.Count, _parallel, f => _sortedRows[f] = features[f].IsCategorical ? null : SortedFiniteRows(features[f], classOf));
            _mark = new int[classOf.Length];
        }

        public List<TreeNode> Nodes { get; } = [];

        public int Grow(int[] rows, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var counts = Counts(rows);
            var index = Nodes.Count;
            Nodes.Add(Leaf(counts, depth));
            var pure = counts.Count(count => count > 0) <= 1;
            if (depth >= _options.MaxDepth || rows.Length < 2 || rows.Length < 2 * _options.MinSamplesLeaf || pure)
            {
                return index;
            }

            var split = BestSplit(rows, counts);
            if (split is null)
            {
                return index;
            }

            var (feature, threshold, level) = split.Value;
            var node = new TreeNode(feature, threshold, level, -1, -1, [.. counts], depth);
            var values = _features[feature].Values;
            var left = rows.Where(row => GoesLeft(node, values[row])).ToArray();
            var right = rows.Where(row => !GoesLeft(node, values[row])).ToArray();
            var leftIndex = Grow(left, depth + 1);
            var rightIndex = Grow(right, depth + 1);
            Nodes[index] = node with { Left = leftIndex, Right = rightIndex };
            return index;
        }

        /// <summary>The segmented rows with a value (not NaN), ascending by value, ties by row.</summary>
        private static int[] SortedFiniteRows(TreeFeature feature, int[] classOf) =>
            [.. feature.RowsByValue().Where(row => classOf[row] >= 0)];

        private static TreeNode Leaf(int[] counts, int depth) => new(-1, double.NaN, -1, -1, -1, [.. counts], depth);

        private int[] Counts(ReadOnlySpan<int> rows)
        {
            var counts = new int[_classCount];
            foreach (var row in rows)
            {
                counts[_classOf[row]]++;
            }

            return counts;
        }

        /// <param name="counts">The node's class counts.</param>
        private (int Feature, double Threshold, int Level)? BestSplit(int[] rows, int[] counts)
        {
            _node++;
            foreach (var row in rows)
            {
                _mark[row] = _node;
            }

            var candidates = new (double Score, double Threshold, int Level)?[_features.Count];
            Parallel.For(0, _features.Count, _parallel, f =>
                candidates[f] = _features[f].IsCategorical ? BestLevel(rows, counts, _features[f]) : BestThreshold(rows, counts, _features[f], _sortedRows[f]!));

            (int Feature, double Threshold, int Level)? best = null;
            var bestScore = double.NegativeInfinity;
            for (var f = 0; f < _features.Count; f++)
            {
                if (candidates[f] is { } found && found.Score > bestScore)
                {
                    bestScore = found.Score;
                    best = (f, found.Threshold, found.Level);
                }
            }

            return best;
        }

        /// <summary>Gini proxy: Σ left² / n_left + Σ right² / n_right (larger is a bigger impurity decrease).</summary>
        private static double Score(int[] left, int leftCount, int[] right, int rightCount)
        {
            double leftSquares = 0;
            double rightSquares = 0;
            for (var c = 0; c < left.Length; c++)
            {
                leftSquares += (double)left[c] * left[c];
                rightSquares += (double)right[c] * right[c];
            }

            return (leftSquares / leftCount) + (rightSquares / rightCount);
        }

        /// <summary>The rows of the node being split (marked by <see cref="BestSplit"/>) among <paramref name="sortedRows"/>, in that order, written to <paramref name="buffer"/>.</summary>
        private ReadOnlySpan<int> NodeRowsIn(int[] sortedRows, int[] buffer)
        {
            var count = 0;
            foreach (var row in sortedRows)
            {
                if (_mark[row] == _node)
                {
                    buffer[count++] = row;
                }
            }

            return buffer.AsSpan(0, count);
        }

        /// <param name="sortedRows">The feature's segmented rows with a value, ascending by value (ties by row).</param>
        private (double Score, double Threshold, int Level)? BestThreshold(int[] rows, int[] counts, TreeFeature feature, int[] sortedRows)
        {
            var buffer = ArrayPool<int>.Shared.Rent(Math.Max(1, sortedRows.Length));
            try
            {
                return BestThreshold(rows, counts, feature.Values, NodeRowsIn(sortedRows, buffer));
            }
            finally
            {
                ArrayPool<int>.Shared.Return(buffer);
            }
        }

        /// <param name="finite">The node's rows with a value, ascending by value.</param>
        private (double Score, double Threshold, int Level)? BestThreshold(int[] rows, int[] counts, ImmutableArray<double> values, ReadOnlySpan<int> finite)
        {
            if (finite.Length < 2 || values[finite[^1]] <= values[finite[0]] + FeatureThreshold)
            {
                return null;
            }

            var right = (int[])counts.Clone();
            var left = new int[_classCount];
            (double Score, double Threshold, int Level)? best = null;
            for (var p = 1; p < finite.Length; p++)
            {
                left[_classOf[finite[p - 1]]]++;
                right[_classOf[finite[p - 1]]]--;
                var before = values[finite[p - 1]];
                var after = values[finite[p]];
                if (after <= before + FeatureThreshold)
                {
                    continue;
                }

                var leftCount = p;
                var rightCount = rows.Length - p;
                if (leftCount < _options.MinSamplesLeaf || rightCount < _options.MinSamplesLeaf)
                {
                    continue;
                }

                var score = Score(left, leftCount, right, rightCount);
                if (best is null || score > best.Value.Score)
                {
                    var threshold = (before / 2.0) + (after / 2.0);
                    if (threshold == after || double.IsInfinity(threshold))
                    {
                        threshold = before;
                    }

                    best = (score, threshold, -1);
                }
            }

            return best;
        }

        private (double Score, double Threshold, int Level)? BestLevel(int[] rows, int[] counts, TreeFeature feature)
        {
            // One pass: the class counts of every level (level codes are whole numbers; NaN is missing).
            var values = feature.Values;
            var levelCounts = new int[feature.Levels.Length * _classCount];
            foreach (var row in rows)
            {
                var value = values[row];
                if (value >= 0 && value < feature.Levels.Length && value == Math.Floor(value))
                {
                    levelCounts[((int)value * _classCount) + _classOf[row]]++;
                }
            }

            (double Score, double Threshold, int Level)? best = null;
            for (var level = 0; level < feature.Levels.Length; level++)
            {
                var right = levelCounts.AsSpan(level * _classCount, _classCount).ToArray();
                var rightCount = right.Sum();
                var leftCount = rows.Length - rightCount;
                if (rightCount < _options.MinSamplesLeaf || leftCount < _options.MinSamplesLeaf)
                {
                    continue;
                }

                var left = new int[_classCount];
                for (var c = 0; c < _classCount; c++)
                {
                    left[c] = counts[c] - right[c];
                }

                var score = Score(left, leftCount, right, rightCount);
                if (best is null || score > best.Value.Score)
                {
                    best = (score, double.NaN, level);
                }
            }

            return best;
        }
    }
}
