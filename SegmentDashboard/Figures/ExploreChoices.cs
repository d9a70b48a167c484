using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Figures;

/// <summary>
/// What the user picked on the Explore tab, already resolved against the dataset (a pick that is not
/// a column of it falls back to the default), so equal choices mean equal figures.
/// </summary>
public sealed record ExploreChoices(string? BoxValue, string? BoxGroup, string? ScatterX, string? ScatterY)
{
    /// <summary>The user's picks (null: none yet) resolved against <paramref name="dataset"/>.</summary>
    public static ExploreChoices Resolve(Dataset dataset, bool hasSegments, string? boxValue = null, string? boxGroup = null, string? scatterX = null, string? scatterY = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var numeric = ExploreCharts.NumericColumns(dataset);
        var categorical = ExploreCharts.CategoricalColumns(dataset);
        var value = boxValue is { } v && numeric.Contains(v) ? v : numeric.FirstOrDefault();
        var group = boxGroup is { } g && ((g == ExploreCharts.SegmentGroup && hasSegments) || categorical.Contains(g))
            ? g
            : hasSegments ? ExploreCharts.SegmentGroup : categorical.FirstOrDefault();
        var x = scatterX is { } sx && numeric.Contains(sx) ? sx : numeric.FirstOrDefault();
        var y = scatterY is { } sy && numeric.Contains(sy) ? sy : numeric.Skip(1).FirstOrDefault() ?? x;
        return new(value, group, x, y);
    }
}
