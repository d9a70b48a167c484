namespace SegmentDashboard.Core.Customers;

/// <summary>Labels of a customer segmentation carried back to the lines of the transactions file.</summary>
public static class CustomerLineLabels
{
    /// <summary>
    /// One label per line of the source file: the label of the line's customer, -1 for a line
    /// left out of the customer table (no customer, no value).
    /// </summary>
    public static int[] Of(CustomerTable table, ReadOnlySpan<int> customerLabels)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (customerLabels.Length != table.Count)
        {
            throw new ArgumentException($"Expected one label per customer ({table.Count}), got {customerLabels.Length}.", nameof(customerLabels));
        }

        var labels = new int[table.RowCustomer.Length];
        for (var line = 0; line < labels.Length; line++)
        {
            var customer = table.RowCustomer[line];
            labels[line] = customer < 0 ? -1 : customerLabels[customer];
        }

        return labels;
    }
}
