using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Components.Customers;

/// <summary>
/// The circuit's "One row per customer" choice (scoped, one per browser tab): the transactions
/// file, the chosen columns, the customer table built from them and whether it is in use. It
/// outlives the Data page, so leaving the tab and coming back keeps the switch, and the Profiles
/// tab can export labels per original line (<see cref="ActiveTable"/>).
/// </summary>
public sealed class CustomerSession
{
    /// <summary>The transactions file the panel works on.</summary>
    public Dataset? Source { get; set; }

    /// <summary>The chosen customer, date, amount… columns.</summary>
    public CustomerTableOptions? Options { get; set; }

    /// <summary>The customer table last built, or null.</summary>
    public CustomerTable? Table { get; set; }

    /// <summary>True while the dashboard segments customers (the switch is on).</summary>
    public bool On { get; set; }

    /// <summary>The customer table in use (the switch is on and it was built), or null.</summary>
    public CustomerTable? ActiveTable => On ? Table : null;

    /// <summary>
    /// The transactions file and the customer table in use when <paramref name="segmented"/> is that
    /// table (possibly with a meaning or label the user changed), else null.
    /// </summary>
    public CustomerLines? LinesFor(Dataset segmented)
    {
        ArgumentNullException.ThrowIfNull(segmented);
        return ActiveTable is { } table && Source is { } source && table.Customers.RowCount == segmented.RowCount && table.Customers.Name == segmented.Name
            ? new CustomerLines(source, table)
            : null;
    }

    /// <summary>Starts over on a newly loaded file.</summary>
    public void Reset(Dataset source, CustomerTableOptions? options)
    {
        Source = source;
        Options = options;
        Table = null;
        On = false;
    }
}
