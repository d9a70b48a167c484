using System.Collections.Immutable;
using System.Globalization;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Numbers as doubles with NaN for missing. Also carries <see cref="ColumnKind.Boolean"/> (1/0)
/// and <see cref="ColumnKind.DateTime"/> (days since 0001-01-01) columns.
/// </summary>
public sealed record NumericColumn(string Name, ColumnKind Kind, ImmutableArray<double> Values)
    : Column(Name, Kind)
{
    public NumericColumn(string name, ImmutableArray<double> values)
        : this(name, ColumnKind.Numeric, values)
    {
    }

    public override int Count => Values.Length;

    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    public override string Format(int row)
    {
        var value = Values[row];
        if (double.IsNaN(value))
        {
            return string.Empty;
        }

        return Kind switch
        {
            ColumnKind.Boolean => value != 0 ? "Yes" : "No",
            ColumnKind.DateTime => DateTimeValues.ToDateTime(value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            _ => value.ToString("G15", CultureInfo.InvariantCulture),
        };
    }
}
