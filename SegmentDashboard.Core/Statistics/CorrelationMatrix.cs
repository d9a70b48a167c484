using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Statistics;

/// <summary>Pearson correlations between numeric columns (pairwise complete observations).</summary>
/// <param name="Names">Column names, in order.</param>
/// <param name="Values">Row-major Names.Length x Names.Length; NaN where undefined.</param>
public sealed record CorrelationMatrix(ImmutableArray<string> Names, ImmutableArray<double> Values)
{
    public double this[int i, int j] => Values[(i * Names.Length) + j];

    /// <summary>Correlations of every numeric, boolean and date column of the dataset.</summary>
    public static CorrelationMatrix Compute(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Columns.OfType<NumericColumn>().ToArray();
        var k = columns.Length;
        var values = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                var r = Pearson(columns[i].Values.AsSpan(), columns[j].Values.AsSpan());
                values[(i * k) + j] = r;
                values[(j * k) + i] = r;
            }
        }

        return new CorrelationMatrix(
            columns.Select(column => column.Name).ToImmutableArray(),
            ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    /// <summary>Pearson correlation over the rows where both values are finite; NaN with fewer than two such rows or no variance.</summary>
    internal static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = 0;
        double sumX = 0, sumY = 0;
        for (var row = 0; row < x.Length; row++)
        {
            if (double.IsFinite(x[row]) && double.IsFinite(y[row]))
            {
                n++;
                sumX += x[row];
                sumY += y[row];
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = sumX / n, meanY = sumY / n, sxx = 0, syy = 0, sxy = 0;
        for (var row = 0; row < x.Length; row++)
        {
            if (double.IsFinite(x[row]) && double.IsFinite(y[row]))
            {
                var dx = x[row] - meanX;
                var dy = y[row] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        if (sxx <= 0 || syy <= 0)
        {
            return double.NaN;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }
}
