using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// Applies a saved segmentation to new rows: the saved encoding and scaling (levels, centres,
/// scales), then the nearest segment centroid. See <see cref="SegmentationService.AssignToSegments"/>.
/// </summary>
internal static class SegmentAssigner
{
    public static ImmutableArray<int> Assign(SegmentationResult saved, Dataset newData)
    {
        var prepared = saved.Prepared;
        var features = prepared.Features;
        var d = features.Length;
        var columns = features.Select(f => f.SourceColumn).Distinct(StringComparer.Ordinal).ToDictionary(
            name => name,
            name => newData.Find(name) ?? throw new InvalidInputException(
                $"The new data has no column '{name}', which the saved segmentation uses.", nameof(newData)),
            StringComparer.Ordinal);
        // What a missing value becomes (scaled), worked out from the saved data only when a row
        // needs it: each is a pass over every saved row (a median sorts them); a complete row needs none.
        var scaledFills = new Lazy<double>[d];
        for (var j = 0; j < d; j++)
        {
            var feature = j;
            scaledFills[j] = new Lazy<double>(() => ScaledFill(prepared, feature), LazyThreadSafetyMode.None);
        }

        var levelsOf = features.Where(f => f.Level is not null).GroupBy(f => f.SourceColumn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Level!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var fallbackLevel = features.Select((f, j) => (f, j)).Where(p => p.f.Level is not null).GroupBy(p => p.f.SourceColumn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Lazy<string>(() => g.OrderByDescending(p => Mean(prepared, p.j)).ThenBy(p => p.j).First().f.Level!, LazyThreadSafetyMode.None), StringComparer.Ordinal);
        var dropRows = prepared.Options.Missing == MissingValueStrategy.DropRows;

        var result = new int[newData.RowCount];
        var point = new double[d];
        for (var row = 0; row < newData.RowCount; row++)
        {
            var dropped = false;
            for (var j = 0; j < d && !dropped; j++)
            {
                var feature = features[j];
                var column = columns[feature.SourceColumn];
                double value;
                if (feature.Level is null)
                {
                    value = NumberAt(column, row);
                    if (double.IsNaN(value))
                    {
                        dropped = dropRows;
                        point[j] = scaledFills[j].Value;
                        continue;
                    }
                }
                else
                {
                    var present = LevelsAt(column, row);
                    if (present.Count == 0)
                    {
                        dropped = dropRows;
                        present = levelsOf[feature.SourceColumn].Contains(Preprocessor.MissingLevel)
                            ? [Preprocessor.MissingLevel]
                            : [fallbackLevel[feature.SourceColumn].Value];
                    }

                    var kept = levelsOf[feature.SourceColumn];
                    var isOther = feature.Level is Preprocessor.OtherLevel or "Other levels";
                    value = isOther
                        ? (present.Any(level => !kept.Contains(level)) ? 1 : 0)
                        : (present.Contains(feature.Level) ? 1 : 0);
                }

                point[j] = (value - feature.Center) / feature.Scale;
            }

            result[row] = dropped ? -1 : Nearest(saved, point);
        }

        return [.. result];
    }

    private static int Nearest(SegmentationResult saved, double[] point)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < saved.Centroids.Rows; c++)
        {
            var centre = saved.Centroids.Row(c);
            var distance = 0.0;
            for (var j = 0; j < point.Length; j++)
            {
                var diff = point[j] - centre[j];
                distance += diff * diff;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }

    private static double NumberAt(Column column, int row) => column switch
    {
        NumericColumn numeric => numeric.Values[row],
        _ when column.IsMissing(row) => double.NaN,
        _ => double.TryParse(column.Format(row), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
    };

    private static List<string> LevelsAt(Column column, int row)
    {
        if (column.IsMissing(row))
        {
            return [];
        }

        return column switch
        {
            MultiCategoricalColumn multi => multi.Codes[row].Select(code => multi.Levels[code]).ToList(),
            _ => [column.Format(row)],
        };
    }

    /// <summary>
    /// What a missing numeric value becomes, scaled: the saved strategy applied to the saved
    /// (scaled) column. Scaling is an increasing affine map, so the median, mean or most frequent
    /// value of the scaled column is the scaled one of the column (to rounding); the constant is
    /// scaled like any value.
    /// </summary>
    private static double ScaledFill(PreparedData prepared, int j)
    {
        var feature = prepared.Features[j];
        if (prepared.Options.Missing == MissingValueStrategy.Constant)
        {
            return (prepared.Options.ConstantFill - feature.Center) / feature.Scale;
        }

        var values = prepared.Matrix.CopyColumn(j);
        if (values.Length == 0)
        {
            return (0 - feature.Center) / feature.Scale;
        }

        switch (prepared.Options.Missing)
        {
            case MissingValueStrategy.Median:
                Array.Sort(values);
                var middle = values.Length / 2;
                return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
            case MissingValueStrategy.MostFrequent:
                return values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            default:
                return values.Average();
        }
    }

    /// <summary>A level feature's mean over the saved rows (its share of customers: level features are not scaled).</summary>
    private static double Mean(PreparedData prepared, int j) => prepared.Matrix.Rows == 0 ? 0 : prepared.Matrix.CopyColumn(j).Average();
}
