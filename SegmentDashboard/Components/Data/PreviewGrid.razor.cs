using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Components.Data;

/// <summary>
/// The Data page's preview (data-testid <c>preview-grid</c>): items are row numbers, fetched by
/// the grid for the rows in view (<see cref="RowWindow"/>), so a million rows cost no more than
/// twenty. A sort orders the row numbers once per column and direction.
/// </summary>
public sealed partial class PreviewGrid
{
    /// <summary>Columns shown at most: a grid column is a component, and thousands of them would make every render slow.</summary>
    public const int MaxColumns = 60;

    private readonly Dictionary<Column, Func<int, object>> _sortKeys = [];
    private (Func<int, object?> Key, bool Descending, int[] Order)? _sorted;
    private Dataset? _keysOf;

    /// <summary>The dataset to preview.</summary>
    [Parameter, EditorRequired]
    public Dataset? Dataset { get; set; }

    private IEnumerable<Column> ShownColumns => Dataset is null ? [] : Dataset.Columns.Take(MaxColumns);

    /// <summary>
    /// The row numbers of one window: <paramref name="count"/> rows from <paramref name="start"/>,
    /// in <paramref name="order"/> (the sorted row numbers) or in file order when it is null.
    /// </summary>
    public static ImmutableArray<int> RowWindow(int rowCount, int start, int count, int[]? order)
    {
        start = Math.Clamp(start, 0, rowCount);
        count = Math.Clamp(count, 0, rowCount - start);
        return order is null ? [.. Enumerable.Range(start, count)] : [.. order.AsSpan(start, count)];
    }

    /// <summary>Row numbers ordered by <paramref name="key"/> (stable: ties keep file order; missing values first).</summary>
    public static int[] Order(int rowCount, Func<int, object?> key, bool descending)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rows = Enumerable.Range(0, rowCount);
        var ordered = descending ? rows.OrderByDescending(key, Comparer<object?>.Default) : rows.OrderBy(key, Comparer<object?>.Default);
        return [.. ordered];
    }

    /// <summary>What a column sorts by: the number for numbers and dates (NaN first), the shown text otherwise.</summary>
    private Func<int, object> SortKey(Column column)
    {
        if (!ReferenceEquals(Dataset, _keysOf))
        {
            _keysOf = Dataset;
            _sortKeys.Clear();
            _sorted = null;
        }

        if (!_sortKeys.TryGetValue(column, out var key))
        {
            key = column is NumericColumn numeric ? row => numeric.Values[row] : row => column.Format(row);
            _sortKeys[column] = key;
        }

        return key;
    }

    private Task<GridData<int>> LoadRowsAsync(GridStateVirtualize<int> state, CancellationToken cancellationToken)
    {
        var dataset = Dataset;
        if (dataset is null)
        {
            return Task.FromResult(new GridData<int> { Items = [], TotalItems = 0 });
        }

        int[]? order = null;
        if (state.SortDefinitions.FirstOrDefault() is { } sort)
        {
            if (_sorted is not { } sorted || sorted.Key != sort.SortFunc || sorted.Descending != sort.Descending)
            {
                sorted = (sort.SortFunc, sort.Descending, Order(dataset.RowCount, sort.SortFunc, sort.Descending));
                _sorted = sorted;
            }

            order = sorted.Order;
        }

        var rows = RowWindow(dataset.RowCount, state.StartIndex, state.Count, order);
        return Task.FromResult(new GridData<int> { Items = rows, TotalItems = dataset.RowCount });
    }
}
