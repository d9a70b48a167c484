using System.Collections.Immutable;
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
    public bool IsCategorical => !Levels.IsEmpty;

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
