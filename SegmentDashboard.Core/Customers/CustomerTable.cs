using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Customers;

/// <summary>
/// One row per customer built from a transactions file, with what was left out said as counts.
/// </summary>
/// <param name="Customers">The customer table: the customer id column first, then the customer-level features.</param>
/// <param name="CustomerIds">Customer ids in table order (order of first appearance in the file).</param>
/// <param name="RowCustomer">For every row of the source file, the customer's table row; -1 when the row was left out.</param>
/// <param name="Rfm">Classic RFM scores, one per customer, aligned with <see cref="CustomerIds"/>.</param>
/// <param name="AsOf">The day recency and tenure are counted to; null without a date column.</param>
/// <param name="SourceRows">Data rows in the transactions file.</param>
/// <param name="RowsWithoutCustomer">Rows whose customer cell is empty (counted, left out).</param>
/// <param name="RowsWithoutValue">Rows with a customer but no readable date or spend (counted, left out).</param>
/// <param name="ReturnRows">Cancellation and return rows (negative quantity or spend, or an order number starting with C), netted into the spend.</param>
/// <param name="CustomersWithOnlyReturns">Customers who have only returns in the file (left out: no purchase to describe).</param>
/// <param name="Features">The customer-level feature columns (every column but the id).</param>
public sealed record CustomerTable(
    Dataset Customers,
    ImmutableArray<string> CustomerIds,
    ImmutableArray<int> RowCustomer,
    ImmutableArray<RfmScore> Rfm,
    DateOnly? AsOf,
    int SourceRows,
    int RowsWithoutCustomer,
    int RowsWithoutValue,
    int ReturnRows,
    int CustomersWithOnlyReturns,
    ImmutableArray<string> Features)
{
    /// <summary>Number of customers in the table.</summary>
    public int Count => CustomerIds.Length;

    /// <summary>
    /// The transactions file with its customer column marked as the identifier, as in the table:
    /// a per-line export keeps it even when its name reads like a contact ("CUSTOMERNAME").
    /// </summary>
    public Dataset LinesOf(Dataset source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source with { CustomerIdColumn = Customers.CustomerIdColumn };
    }
}
