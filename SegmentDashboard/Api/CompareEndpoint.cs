using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SegmentDashboard.Core.Compare;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>The contingency table of a comparison: <c>counts[i][j]</c> customers are in A's <c>rows[i]</c> and B's <c>columns[j]</c>.</summary>
public sealed record ContingencyResponse(ImmutableArray<int> Rows, ImmutableArray<int> Columns, ImmutableArray<ImmutableArray<long>> Counts);

/// <summary>The JSON body of POST /api/compare.</summary>
public sealed record CompareResponse(double Ari, double Nmi, ContingencyResponse Contingency, ImmutableArray<MovedCustomer> Moved);

/// <summary>
/// POST /api/compare: one CSV (raw body or multipart <c>file</c>), segmented twice with the query
/// parameters of /api/segment prefixed <c>a.</c> and <c>b.</c>; returns ARI, NMI, the contingency
/// table and the customers who moved (A's segment → a B segment other than its best match).
/// </summary>
internal static class CompareEndpoint
{
    public static Task<IResult> CompareAsync(
        HttpContext context,
        SegmentationService service,
        IOptions<UploadOptions> upload,
        ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var (queryA, queryB) = Split(context.Request.Query);
            var requestA = ApiRequestParser.Parse(queryA);
            var requestB = ApiRequestParser.Parse(queryB);
            Dataset dataset;
            await using (var file = await CsvUpload.ReceiveAsync(context.Request, upload.Value.MaxBytes, cancellationToken))
            {
                dataset = await service.LoadCsvAsync(file.File, file.Name, upload.Value.ToLoadOptions(), cancellationToken: cancellationToken);
            }

            SegmentEndpoint.CheckAgainstDataset(requestA, dataset);
            SegmentEndpoint.CheckAgainstDataset(requestB, dataset);
            var a = await service.SegmentAsync(dataset, requestA with { IncludeStability = false }, cancellationToken: cancellationToken);
            var b = await service.SegmentAsync(dataset, requestB with { IncludeStability = false }, cancellationToken: cancellationToken);
            var comparison = RunComparison.Of(a.RowLabels.AsSpan(), b.RowLabels.AsSpan());
            return TypedResults.Ok(new CompareResponse(
                comparison.Ari,
                comparison.Nmi,
                new ContingencyResponse(comparison.Contingency.RowLabels, comparison.Contingency.ColumnLabels, comparison.Contingency.Counts),
                comparison.Moved));
        });

    /// <summary>The a.- and b.-prefixed parameters as two /api/segment queries; any other parameter is a 400 naming it.</summary>
    internal static (IQueryCollection A, IQueryCollection B) Split(IQueryCollection query)
    {
        var a = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var b = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in query)
        {
            if (key.StartsWith("a.", StringComparison.OrdinalIgnoreCase))
            {
                a[key[2..]] = value;
            }
            else if (key.StartsWith("b.", StringComparison.OrdinalIgnoreCase))
            {
                b[key[2..]] = value;
            }
            else
            {
                throw ApiProblemException.BadParameter(key, $"Unknown query parameter '{key}'. Prefix each /api/segment parameter with 'a.' or 'b.' for the run it belongs to, e.g. a.k=3&b.k=4.");
            }
        }

        return (new QueryCollection(a), new QueryCollection(b));
    }
}
