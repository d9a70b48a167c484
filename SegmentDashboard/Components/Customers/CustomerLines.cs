using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Components.Customers;

/// <summary>A transactions file and the customer table built from it: what the labeled export per original line needs.</summary>
/// <param name="Source">The transactions file as loaded.</param>
/// <param name="Table">The customer table (its <see cref="CustomerTable.RowCustomer"/> maps each line to its customer).</param>
public sealed record CustomerLines(Dataset Source, CustomerTable Table);
