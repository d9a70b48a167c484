using System.Collections.Immutable;

namespace SegmentDashboard.Core.Numerics;

/// <summary>
/// An immutable dense matrix of doubles, row-major and contiguous (rows are customers, columns
/// are features), the input of every algorithm. No NaN once it leaves preprocessing.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly double[] _data;

    private FeatureMatrix(double[] data, int rows, int columns, ImmutableArray<string> columnNames)
    {
        _data = data;
        Rows = rows;
        Columns = columns;
        ColumnNames = columnNames;
    }

    public int Rows { get; }

    public int Columns { get; }

    public ImmutableArray<string> ColumnNames { get; }

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<double> Data => _data;

    /// <summary>Row <paramref name="row"/> as a span of <see cref="Columns"/> values.</summary>
    public ReadOnlySpan<double> Row(int row) => new(_data, row * Columns, Columns);

    public double this[int row, int column] => _data[(row * Columns) + column];

    /// <summary>A copy of column <paramref name="column"/>.</summary>
    public double[] CopyColumn(int column)
    {
        var result = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            result[i] = _data[(i * Columns) + column];
        }

        return result;
    }

    /// <summary>A matrix holding a copy of <paramref name="data"/> (row-major).</summary>
    public static FeatureMatrix Create(int rows, int columns, ReadOnlySpan<double> data, IEnumerable<string>? columnNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (data.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows * columns} values for {rows} x {columns}, got {data.Length}.", nameof(data));
        }

        return Wrap(data.ToArray(), rows, columns, columnNames);
    }

    /// <summary>A matrix from jagged rows (copied); convenient in tests.</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows, IEnumerable<string>? columnNames = null)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        var data = new double[rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, expected {columns}.", nameof(rows));
            }

            rows[i].CopyTo(data, i * columns);
        }

        return Wrap(data, rows.Count, columns, columnNames);
    }

    /// <summary>The rows listed in <paramref name="rowIndices"/>, in that order (copied).</summary>
    public FeatureMatrix SelectRows(ReadOnlySpan<int> rowIndices)
    {
        var data = new double[rowIndices.Length * Columns];
        for (var i = 0; i < rowIndices.Length; i++)
        {
            Row(rowIndices[i]).CopyTo(data.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(data, rowIndices.Length, Columns, ColumnNames);
    }

    /// <summary>
    /// Takes ownership of <paramref name="data"/> without copying. The caller must never write
    /// to the array afterwards. For code inside Core that has just built the array.
    /// </summary>
    internal static FeatureMatrix Wrap(double[] data, int rows, int columns, IEnumerable<string>? columnNames = null)
    {
        var names = columnNames?.ToImmutableArray()
            ?? Enumerable.Range(0, columns).Select(i => $"x{i}").ToImmutableArray();
        if (names.Length != columns)
        {
            throw new ArgumentException($"Expected {columns} column names, got {names.Length}.", nameof(columnNames));
        }

        return new FeatureMatrix(data, rows, columns, names);
    }
}
