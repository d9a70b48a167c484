using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// One original feature as the decision tree sees it: numbers in their own units (NaN missing), or
/// a category's level codes (as doubles, NaN missing) with their <see cref="Levels"/>.
/// </summary>
/// <param name="Name">The dataset column's header.</param>
/// <param name="Values">One per row of the training set.</param>
/// <param name="Levels">Empty for a numeric feature; the level names for a categorical one.</param>
public sealed record TreeFeature(string Name, ImmutableArray<double> Values, ImmutableArray<string> Levels)
{
    private static readonly ConditionalWeakTable<double[], int[]> s_rowsByValue = [];

    public bool IsCategorical => !Levels.IsEmpty;

    /// <summary>
    /// A numeric feature's rows with a value (not NaN), ascending by value, ties by row
    /// (<see cref="StableOrder"/>); empty for a category. Worked out once per values array and
    /// remembered while the array lives: a dataset's columns stay the same from one k to the next,
    /// so another k does not sort them again.
    /// </summary>
    public ImmutableArray<int> RowsByValue()
    {
        if (IsCategorical)
        {
            return [];
        }

        var values = Values;
        var order = s_rowsByValue.GetValue(
            ImmutableCollectionsMarshal.AsArray(values) ?? [],
            _ => StableOrder.Ascending([.. Enumerable.Range(0, values.Length).Where(row => !double.IsNaN(values[row]))], values));
        return ImmutableCollectionsMarshal.AsImmutableArray(order);
    }

    /// <summary>A numeric feature.</summary>
    public static TreeFeature Numeric(string name, IEnumerable<double> values) =>
        new(name, values.ToImmutableArray(), ImmutableArray<string>.Empty);

    /// <summary>
    /// The feature for a dataset column, or null for a kind the tree does not split on (text,
    /// multi-valued). Numeric, boolean (1/0) and date (days) columns are numeric.
    /// </summary>
    public static TreeFeature? FromColumn(Column column) => column switch
    {
        NumericColumn numeric => new TreeFeature(numeric.Name, numeric.Values, ImmutableArray<string>.Empty),
        CategoricalColumn categorical => new TreeFeature(
            categorical.Name,
            categorical.Codes.Select(code => code < 0 ? double.NaN : code).ToImmutableArray(),
            categorical.Levels.IsEmpty ? ["(none)"] : categorical.Levels),
        _ => null,
    };
}
