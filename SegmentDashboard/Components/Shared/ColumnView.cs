using System.Globalization;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Shared;

/// <summary>How columns and their summaries are described in tables.</summary>
public static class ColumnView
{
    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "Number",
        ColumnKind.Boolean => "Yes/No",
        ColumnKind.DateTime => "Date/time",
        ColumnKind.Categorical => "Category",
        ColumnKind.MultiCategorical => "Multi-category",
        ColumnKind.Text => "Free text",
        ColumnKind.Identifier => "Identifier",
        _ => kind.ToString(),
    };

    /// <summary>Kinds the preprocessor can turn into features.</summary>
    public static bool CanBeFeature(ColumnKind kind) =>
        kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.Categorical or ColumnKind.MultiCategorical;

    /// <summary>One short line: range and mean for numbers, the top levels for categories.</summary>
    public static string Summary(ColumnSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        switch (summary.Kind)
        {
            case ColumnKind.Numeric:
                return $"{Compact(summary.Min)} – {Compact(summary.Max)} · mean {Compact(summary.Mean)} · median {Compact(summary.Median)}";
            case ColumnKind.Boolean:
                return $"{FigureText.Percent(summary.Mean)} yes";
            case ColumnKind.DateTime:
                return double.IsFinite(summary.Min)
                    ? $"{DateTimeValues.ToDateTime(summary.Min).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {DateTimeValues.ToDateTime(summary.Max).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                    : string.Empty;
            default:
                if (summary.TopLevels.IsDefaultOrEmpty || summary.Count == 0)
                {
                    return string.Empty;
                }

                return string.Join(", ", summary.TopLevels.Take(3).Select(l => $"{l.Level} {FigureText.Percent(l.Count / (double)summary.Count)}"));
        }
    }

    /// <summary>A number short enough for a table cell, invariant culture.</summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        var magnitude = Math.Abs(value);
        return magnitude >= 1000 ? value.ToString("0", CultureInfo.InvariantCulture)
            : magnitude >= 10 ? value.ToString("0.#", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
