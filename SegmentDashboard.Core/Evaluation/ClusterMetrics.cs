using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Internal validity indices computed on the matrix the algorithm saw, matching scikit-learn.
/// Rows labelled -1 (noise) are left out. NaN when an index is undefined (fewer than 2 clusters).
/// </summary>
public static class ClusterMetrics
{
    /// <summary>
    /// Sum of squared distances of points to their cluster mean. Defined for one cluster too (the
    /// total sum of squares); NaN when no row belongs to a cluster.
    /// </summary>
    public static double Inertia(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        var groups = LabelGroups.Create(x, labels, nameof(labels));
        if (groups.IncludedRows == 0)
        {
            return double.NaN;
        }

        return WithinSumOfSquares(x, groups, groups.Means(x));
    }

    /// <summary>
    /// Ratio of between- to within-cluster dispersion, each divided by its degrees of freedom
    /// (scikit-learn's calinski_harabasz_score; 1 when every cluster is a single point repeated).
    /// NaN unless 2 ≤ k ≤ rows - 1.
    /// </summary>
    public static double CalinskiHarabasz(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        var groups = LabelGroups.Create(x, labels, nameof(labels));
        if (!groups.HasValidClusterCount)
        {
            return double.NaN;
        }

        var d = x.Columns;
        var means = groups.Means(x);
        var overall = new double[d];
        var data = x.Data;
        for (var i = 0; i < groups.Compact.Length; i++)
        {
            if (groups.Compact[i] < 0)
            {
                continue;
            }

            var row = data.Slice(i * d, d);
            for (var j = 0; j < d; j++)
            {
                overall[j] += row[j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            overall[j] /= groups.IncludedRows;
        }

        var between = 0.0;
        for (var c = 0; c < groups.ClusterCount; c++)
        {
            var squared = 0.0;
            for (var j = 0; j < d; j++)
            {
                var diff = means[(c * d) + j] - overall[j];
                squared += diff * diff;
            }

            between += groups.Counts[c] * squared;
        }

        var within = WithinSumOfSquares(x, groups, means);
        if (within == 0.0)
        {
            return 1.0;
        }

        double n = groups.IncludedRows;
        double k = groups.ClusterCount;
        return between * (n - k) / (within * (k - 1.0));
    }

    /// <summary>
    /// Mean over clusters of the worst (largest) ratio of summed scatter to centroid distance
    /// (scikit-learn's davies_bouldin_score; lower is better). NaN unless 2 ≤ k ≤ rows - 1.
    /// </summary>
    public static double DaviesBouldin(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        var groups = LabelGroups.Create(x, labels, nameof(labels));
        if (!groups.HasValidClusterCount)
        {
            return double.NaN;
        }

        var d = x.Columns;
        var k = groups.ClusterCount;
        var means = groups.Means(x);
        var scatter = new double[k];
        var data = x.Data;
        for (var i = 0; i < groups.Compact.Length; i++)
        {
            var c = groups.Compact[i];
            if (c >= 0)
            {
                scatter[c] += Distances.Euclidean(data.Slice(i * d, d), means.AsSpan(c * d, d));
            }
        }

        for (var c = 0; c < k; c++)
        {
            scatter[c] /= groups.Counts[c];
        }

        var centroidDistances = new double[k * k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                centroidDistances[(a * k) + b] = Distances.Euclidean(means.AsSpan(a * d, d), means.AsSpan(b * d, d));
            }
        }

        // scikit-learn: 0 when every scatter or every centroid distance is (close to) zero.
        if (AllNearZero(scatter) || AllNearZero(centroidDistances))
        {
            return 0.0;
        }

        var total = 0.0;
        for (var a = 0; a < k; a++)
        {
            var worst = double.NegativeInfinity;
            for (var b = 0; b < k; b++)
            {
                var distance = centroidDistances[(a * k) + b];
                var ratio = (scatter[a] + scatter[b]) / (distance == 0.0 ? double.PositiveInfinity : distance);
                worst = Math.Max(worst, ratio);
            }

            total += worst;
        }

        return total / k;
    }

    internal static double WithinSumOfSquares(FeatureMatrix x, LabelGroups groups, double[] means)
    {
        var d = x.Columns;
        var data = x.Data;
        var sum = 0.0;
        for (var i = 0; i < groups.Compact.Length; i++)
        {
            var c = groups.Compact[i];
            if (c < 0)
            {
                continue;
            }

            var row = data.Slice(i * d, d);
            var mean = means.AsSpan(c * d, d);
            for (var j = 0; j < d; j++)
            {
                var diff = row[j] - mean[j];
                sum += diff * diff;
            }
        }

        return sum;
    }

    /// <summary>numpy.allclose(values, 0): every |value| ≤ 1e-8.</summary>
    private static bool AllNearZero(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!(Math.Abs(value) <= 1e-8))
            {
                return false;
            }
        }

        return true;
    }
}
