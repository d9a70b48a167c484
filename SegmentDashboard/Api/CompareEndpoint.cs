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
        Storage.OwnedAnalyses analyses,
        IOptions<UploadOptions> upload,
        ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var (queryA, queryB) = Split(context.Request.Query);
            var requestA = ApiRequestParser.Parse(queryA);
            var savedId = SavedAnalysisId(queryB);
            var requestB = savedId is null ? ApiRequestParser.Parse(queryB) : null;
            Dataset dataset;
            await using (var file = await CsvUpload.ReceiveAsync(context.Request, upload.Value.MaxBytes, cancellationToken))
            {
                dataset = await service.LoadCsvAsync(file.File, file.Name, upload.Value.ToLoadOptions(), cancellationToken: cancellationToken);
            }

            // The same columns as /api/segment sees: dates as days since / tenure / age.
            dataset = DerivedFeatures.Derive(dataset).Dataset;

            SegmentEndpoint.CheckAgainstDataset(requestA, dataset);
            var a = await service.SegmentAsync(dataset, requestA with { IncludeStability = false }, cancellationToken: cancellationToken);
            ImmutableArray<int> labelsB;
            if (savedId is not null)
            {
                labelsB = await SavedLabelsAsync(context, analyses, savedId, dataset.RowCount, cancellationToken);
            }
            else
            {
                SegmentEndpoint.CheckAgainstDataset(requestB!, dataset);
                labelsB = (await service.SegmentAsync(dataset, requestB! with { IncludeStability = false }, cancellationToken: cancellationToken)).RowLabels;
            }

            var comparison = RunComparison.Of(a.RowLabels.AsSpan(), labelsB.AsSpan());
            return TypedResults.Ok(new CompareResponse(
                comparison.Ari,
                comparison.Nmi,
                new ContingencyResponse(comparison.Contingency.RowLabels, comparison.Contingency.ColumnLabels, comparison.Contingency.Counts),
                comparison.Moved));
        });

    /// <summary>The saved analysis id of <c>b.analysis</c> (then no other b. parameter is allowed), or null.</summary>
    internal static string? SavedAnalysisId(IQueryCollection queryB)
    {
        if (!queryB.TryGetValue("analysis", out var id))
        {
            return null;
        }

        if (queryB.Count > 1 || StringValues.IsNullOrEmpty(id) || id.Count > 1)
        {
            throw ApiProblemException.BadParameter("b.analysis", "'b.analysis' takes one saved analysis id and no other 'b.' parameter: run B is the saved segmentation as it was saved.");
        }

        return id.ToString();
    }

    /// <summary>The saved analysis' labels, one per row of the uploaded file; 404 when the caller may not read it, 400 when its row count differs.</summary>
    private static async Task<ImmutableArray<int>> SavedLabelsAsync(HttpContext context, Storage.OwnedAnalyses analyses, string id, int rows, CancellationToken cancellationToken)
    {
        var opened = await analyses.OpenAsync(AnalysesEndpoints.Caller(context), id, cancellationToken)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Analysis not found", $"No saved analysis '{id}' that you may read.");
        if (opened.SavedLabels.Length != rows)
        {
            throw ApiProblemException.BadParameter("b.analysis", $"The saved analysis '{id}' has {opened.SavedLabels.Length} rows but the uploaded file has {rows}: compare it with the same customers' file.");
        }

        return opened.SavedLabels;
    }

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
