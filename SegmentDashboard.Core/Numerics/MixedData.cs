using System.Collections.Immutable;

namespace SegmentDashboard.Core.Numerics;

/// <summary>
/// Rows that mix numbers and categories, for Gower distance and k-prototypes: numeric values
/// row-major (NaN missing) and category codes row-major (-1 missing, 0..levels-1 otherwise).
/// </summary>
public sealed record MixedData
{
    public MixedData(int rows, ImmutableArray<double> numeric, int numericColumns, ImmutableArray<int> categories, ImmutableArray<int> levelCounts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (numeric.Length != rows * numericColumns)
        {
            throw new ArgumentException($"Expected {rows * numericColumns} numeric values, got {numeric.Length}.", nameof(numeric));
        }

        if (categories.Length != rows * levelCounts.Length)
        {
            throw new ArgumentException($"Expected {rows * levelCounts.Length} category codes, got {categories.Length}.", nameof(categories));
        }

        for (var i = 0; i < categories.Length; i++)
        {
            if (categories[i] < -1 || categories[i] >= levelCounts[i % levelCounts.Length])
            {
                throw new ArgumentException($"Category code {categories[i]} at row {i / levelCounts.Length}, column {i % levelCounts.Length} is outside 0..{levelCounts[i % levelCounts.Length] - 1}.", nameof(categories));
            }
        }

        Rows = rows;
        Numeric = numeric;
        NumericColumns = numericColumns;
        Categories = categories;
        LevelCounts = levelCounts;
    }

    public int Rows { get; }

    public ImmutableArray<double> Numeric { get; }

    public int NumericColumns { get; }

    public ImmutableArray<int> Categories { get; }

    /// <summary>Number of levels of each categorical column.</summary>
    public ImmutableArray<int> LevelCounts { get; }

    public int CategoricalColumns => LevelCounts.Length;

    public double NumberAt(int row, int column) => Numeric[(row * NumericColumns) + column];

    public int CodeAt(int row, int column) => Categories[(row * CategoricalColumns) + column];

    /// <summary>Mixed data from jagged rows (convenient in tests); level counts are max code + 1.</summary>
    public static MixedData FromRows(double[][] numeric, int[][] categories)
    {
        ArgumentNullException.ThrowIfNull(numeric);
        ArgumentNullException.ThrowIfNull(categories);
        var rows = Math.Max(numeric.Length, categories.Length);
        var p = numeric.Length == 0 ? 0 : numeric[0].Length;
        var q = categories.Length == 0 ? 0 : categories[0].Length;
        var levels = Enumerable.Range(0, q).Select(j => categories.Max(row => row[j]) + 1).ToImmutableArray();
        return new MixedData(
            rows,
            numeric.Length == 0 ? ImmutableArray<double>.Empty : numeric.SelectMany(row => row).ToImmutableArray(),
            p,
            categories.Length == 0 ? ImmutableArray<int>.Empty : categories.SelectMany(row => row).ToImmutableArray(),
            levels);
    }
}
