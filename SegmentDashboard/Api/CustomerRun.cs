using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Api;

/// <summary>Builds the customer table for an API request; a refusal becomes a 400 naming the query parameter.</summary>
internal static class CustomerRun
{
    public static CustomerTable Build(Dataset dataset, CustomerTableOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return CustomerTableBuilder.Build(dataset, options, cancellationToken);
        }
        catch (ArgumentException argument)
        {
            throw CustomerRequestParser.ToProblem(argument);
        }
    }
}
