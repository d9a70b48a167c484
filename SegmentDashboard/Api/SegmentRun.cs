using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>What one API segmentation did: the result, and with <c>customer</c> the customer table built first and the original file.</summary>
/// <param name="Result">The segmentation (of the customer table when <paramref name="Customers"/> is set).</param>
/// <param name="Customers">The customer table, or null when the file was segmented row by row.</param>
/// <param name="Source">The uploaded file as loaded.</param>
internal sealed record SegmentRun(SegmentationResult Result, CustomerTable? Customers, Dataset Source)
{
    /// <summary>The JSON answer: with a customer table, rows is the file's rows and customers/rfm are aligned with labels.</summary>
    public SegmentResponse ToResponse()
    {
        var response = SegmentResponse.From(Result);
        return Customers is null
            ? response
            : response with
            {
                Rows = Customers.SourceRows,
                Customers = Customers.CustomerIds,
                Rfm = [.. Customers.Rfm.Select(RfmResponse.From)],
            };
    }

    /// <summary>One label per line of the original file (-1 for lines left out), from the customers' labels.</summary>
    public int[] LineLabels()
    {
        if (Customers is null)
        {
            return [.. Result.RowLabels];
        }

        var labels = new int[Source.RowCount];
        for (var row = 0; row < labels.Length; row++)
        {
            var customer = Customers.RowCustomer[row];
            labels[row] = customer < 0 ? -1 : Result.RowLabels[customer];
        }

        return labels;
    }
}
