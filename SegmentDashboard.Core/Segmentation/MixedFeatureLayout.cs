using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// Which columns of the prepared (encoded, scaled) matrix are numbers and which encode categories,
/// so k-prototypes and Gower distance can read categories as levels instead of one-hot columns.
/// A categorical source column's one-hot block is one categorical feature (its level is the column
/// holding the 1); each multi-hot indicator of a multi-valued column is its own yes/no category.
/// Numeric, yes/no and date columns stay numbers.
/// </summary>
/// <param name="NumericColumns">Matrix columns read as numbers.</param>
/// <param name="CategoricalGroups">Per categorical feature, the matrix columns of its levels (one column: a 0/1 level).</param>
public sealed record MixedFeatureLayout(ImmutableArray<int> NumericColumns, ImmutableArray<ImmutableArray<int>> CategoricalGroups)
{
    /// <summary>True when there is at least one categorical feature.</summary>
    public bool HasCategories => CategoricalGroups.Length > 0;

    /// <summary>True when the features mix numbers and categories.</summary>
    public bool IsMixed => HasCategories && NumericColumns.Length > 0;

    /// <summary>The layout of <paramref name="prepared"/>'s matrix; source column kinds come from <paramref name="dataset"/>.</summary>
    public static MixedFeatureLayout Of(Dataset dataset, PreparedData prepared)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(prepared);
        var numeric = ImmutableArray.CreateBuilder<int>();
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        var oneHot = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var j = 0; j < prepared.Features.Length; j++)
        {
            var feature = prepared.Features[j];
            if (feature.Level is null)
            {
                numeric.Add(j);
            }
            else if (dataset.Find(feature.SourceColumn)?.Kind == ColumnKind.MultiCategorical)
            {
                groups.Add([j]);
            }
            else
            {
                if (!oneHot.TryGetValue(feature.SourceColumn, out var block))
                {
                    block = [];
                    oneHot[feature.SourceColumn] = block;
                    order.Add(feature.SourceColumn);
                }

                block.Add(j);
            }
        }

        groups.AddRange(order.Select(source => oneHot[source].ToImmutableArray()));
        return new MixedFeatureLayout(numeric.ToImmutable(), groups.ToImmutable());
    }

    /// <summary>The rows of <paramref name="x"/> (laid out as this layout says) as numbers and level codes.</summary>
    public MixedData ToMixedData(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var p = NumericColumns.Length;
        var q = CategoricalGroups.Length;
        var numbers = new double[x.Rows * p];
        var codes = new int[x.Rows * q];
        for (var i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (var f = 0; f < p; f++)
            {
                numbers[(i * p) + f] = row[NumericColumns[f]];
            }

            for (var f = 0; f < q; f++)
            {
                codes[(i * q) + f] = LevelOf(row, CategoricalGroups[f]);
            }
        }

        var levels = CategoricalGroups.Select(group => group.Length == 1 ? 2 : group.Length).ToImmutableArray();
        return new MixedData(x.Rows, [.. numbers], p, [.. codes], levels);
    }

    /// <summary>A one-column group is a 0/1 level; a block's level is the column holding the 1 (-1 when none does).</summary>
    private static int LevelOf(ReadOnlySpan<double> row, ImmutableArray<int> group)
    {
        if (group.Length == 1)
        {
            return row[group[0]] > 0.5 ? 1 : 0;
        }

        for (var level = 0; level < group.Length; level++)
        {
            if (row[group[level]] > 0.5)
            {
                return level;
            }
        }

        return -1;
    }
}
