using Microsoft.Extensions.Options;
using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>POST /api/customers: a transactions file in, its customer table (with RFM scores) out as CSV.</summary>
internal static class CustomersEndpoint
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/customers", PostAsync)
            .WithName("Customers")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    public static Task<IResult> PostAsync(
        HttpContext context,
        SegmentationService service,
        IOptions<UploadOptions> upload,
        ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var query = context.Request.Query;
            var known = CustomerRequestParser.Known.Remove(CustomerRequestParser.Per).Remove(CustomerRequestParser.IncludeContact);
            var unknown = query.Keys.FirstOrDefault(key => !known.Contains(key, StringComparer.OrdinalIgnoreCase));
            if (unknown is not null)
            {
                throw ApiProblemException.BadParameter(unknown, $"Unknown query parameter '{unknown}'. Accepted parameters: {string.Join(", ", known)}.");
            }

            var options = CustomerRequestParser.Parse(query)
                ?? throw ApiProblemException.BadParameter(CustomerRequestParser.Customer, $"Parameter '{CustomerRequestParser.Customer}' is required: the column that names the customer (e.g. customer=CustomerID).");
            await using var file = await CsvUpload.ReceiveAsync(context.Request, upload.Value.MaxBytes, cancellationToken);
            var dataset = await service.LoadCsvAsync(file.File, file.Name, upload.Value.ToLoadOptions(), cancellationToken: cancellationToken);
            var table = CustomerRun.Build(dataset, options, cancellationToken);
            var output = new MemoryStream();
            CustomerTableCsvWriter.Write(output, table);
            output.Position = 0;
            return TypedResults.File(output, "text/csv; charset=utf-8", table.Customers.Name);
        });
}
