using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Benchmarks;

/// <summary>Deterministic Gaussian blobs (like ../shared/reference/make_data.py), already roughly z-scaled.</summary>
public static class BlobData
{
    public static FeatureMatrix Generate(int rows, int columns, int groups = 8, int seed = 42)
    {
        var random = new Random(seed);
        var centers = new double[groups * columns];
        for (var i = 0; i < centers.Length; i++)
        {
            centers[i] = Normal(random) * 3;
        }

        var spreads = Enumerable.Range(0, groups).Select(_ => 0.3 + random.NextDouble()).ToArray();
        var data = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            var g = random.Next(groups);
            for (var c = 0; c < columns; c++)
            {
                data[(r * columns) + c] = centers[(g * columns) + c] + (spreads[g] * Normal(random));
            }
        }

        return FeatureMatrix.Create(rows, columns, data);
    }

    /// <summary>The same blobs as CSV text with a header f0..f{d-1}.</summary>
    public static string ToCsv(FeatureMatrix x)
    {
        var builder = new System.Text.StringBuilder();
        builder.AppendJoin(',', x.ColumnNames.Select((_, j) => $"f{j}")).Append('\n');
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0)
                {
                    builder.Append(',');
                }

                builder.Append(row[c].ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
