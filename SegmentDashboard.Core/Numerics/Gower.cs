using System.Collections.Immutable;

namespace SegmentDashboard.Core.Numerics;

/// <summary>
/// Gower's (1971) general dissimilarity for mixed data: the mean, over the features both rows
/// have, of |x_i - x_j| / R (R = the feature's range over all rows; 0 when R = 0) for numbers and
/// of 0 (same level) or 1 (different levels) for categories. In [0, 1]; NaN when the two rows
/// share no non-missing feature.
/// </summary>
public static class Gower
{
    /// <summary>Range (max - min) of each numeric column over the non-missing values; 0 for an all-missing column.</summary>
    public static ImmutableArray<double> Ranges(MixedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ranges = ImmutableArray.CreateBuilder<double>(data.NumericColumns);
        for (var f = 0; f < data.NumericColumns; f++)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var i = 0; i < data.Rows; i++)
            {
                var value = data.NumberAt(i, f);
                if (!double.IsNaN(value))
                {
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                }
            }

            ranges.Add(max >= min ? max - min : 0);
        }

        return ranges.MoveToImmutable();
    }

    /// <summary>Gower distance between rows <paramref name="i"/> and <paramref name="j"/>, given <see cref="Ranges"/>.</summary>
    public static double Distance(MixedData data, ImmutableArray<double> ranges, int i, int j)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sum = 0.0;
        var compared = 0;
        for (var f = 0; f < data.NumericColumns; f++)
        {
            var a = data.NumberAt(i, f);
            var b = data.NumberAt(j, f);
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                continue;
            }

            compared++;
            sum += ranges[f] > 0 ? Math.Abs(a - b) / ranges[f] : 0;
        }

        for (var f = 0; f < data.CategoricalColumns; f++)
        {
            var a = data.CodeAt(i, f);
            var b = data.CodeAt(j, f);
            if (a < 0 || b < 0)
            {
                continue;
            }

            compared++;
            sum += a == b ? 0 : 1;
        }

        return compared == 0 ? double.NaN : sum / compared;
    }

    /// <summary>The full symmetric n x n distance matrix, row-major.</summary>
    public static double[] Matrix(MixedData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ranges = Ranges(data);
        var n = data.Rows;
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = i + 1; j < n; j++)
            {
                var d = Distance(data, ranges, i, j);
                result[(i * n) + j] = d;
                result[(j * n) + i] = d;
            }
        }

        return result;
    }

    /// <summary>
    /// SciPy's condensed form of the matrix: distance(i, j) for i &lt; j in row order,
    /// n(n - 1)/2 doubles (the caller checks that they fit its memory budget). Rows in parallel.
    /// </summary>
    public static double[] Condensed(MixedData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ranges = Ranges(data);
        var n = data.Rows;
        var result = new double[(long)n * (n - 1) / 2];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var offset = ((long)n * i) - ((long)i * (i + 1) / 2);
            for (var j = i + 1; j < n; j++)
            {
                result[offset + j - i - 1] = Distance(data, ranges, i, j);
            }
        });
        return result;
    }
}
