using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Customers;

/// <summary>A column's values as dense codes 0..n-1 in order of first appearance; -1 where missing.</summary>
/// <param name="Codes">One code per row.</param>
/// <param name="Keys">The value of each code, as written in the file.</param>
internal sealed record KeyCodes(int[] Codes, ImmutableArray<string> Keys)
{
    public static KeyCodes From(Column column)
    {
        var codes = new int[column.Count];
        var keys = ImmutableArray.CreateBuilder<string>();
        switch (column)
        {
            case CategoricalColumn categorical:
                {
                    var remap = new int[categorical.Levels.Length];
                    Array.Fill(remap, -1);
                    for (var row = 0; row < codes.Length; row++)
                    {
                        var level = categorical.Codes[row];
                        if (level < 0)
                        {
                            codes[row] = -1;
                            continue;
                        }

                        if (remap[level] < 0)
                        {
                            remap[level] = keys.Count;
                            keys.Add(categorical.Levels[level]);
                        }

                        codes[row] = remap[level];
                    }

                    break;
                }

            case NumericColumn numeric:
                {
                    var seen = new Dictionary<double, int>();
                    for (var row = 0; row < codes.Length; row++)
                    {
                        var value = numeric.Values[row];
                        if (double.IsNaN(value))
                        {
                            codes[row] = -1;
                        }
                        else if (seen.TryGetValue(value, out var code))
                        {
                            codes[row] = code;
                        }
                        else
                        {
                            codes[row] = seen[value] = keys.Count;
                            keys.Add(numeric.Kind == ColumnKind.Numeric ? value.ToString("G15", CultureInfo.InvariantCulture) : numeric.Format(row));
                        }
                    }

                    break;
                }

            default:
                {
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var row = 0; row < codes.Length; row++)
                    {
                        var value = column.IsMissing(row) ? null : column.Format(row).Trim();
                        if (string.IsNullOrEmpty(value))
                        {
                            codes[row] = -1;
                        }
                        else if (seen.TryGetValue(value, out var code))
                        {
                            codes[row] = code;
                        }
                        else
                        {
                            codes[row] = seen[value] = keys.Count;
                            keys.Add(value);
                        }
                    }

                    break;
                }
        }

        return new KeyCodes(codes, keys.ToImmutable());
    }
}
