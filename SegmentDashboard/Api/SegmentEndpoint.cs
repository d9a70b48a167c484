using System.Globalization;
using Microsoft.Extensions.Options;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>
/// POST /api/segment and POST /api/export/labeled-csv: the uploaded CSV (raw body or a multipart
/// <c>file</c> part) streams to a temporary file, the service loads and segments it, and every
/// failure becomes problem JSON.
/// </summary>
internal static class SegmentEndpoint
{
    public static Task<IResult> SegmentAsync(
        HttpContext context,
        SegmentationService service,
        IOptions<UploadOptions> upload,
        ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var run = await RunDetailedAsync(context.Request, service, upload.Value, cancellationToken);
            return TypedResults.Ok(run.ToResponse());
        });

    public static Task<IResult> ExportLabeledCsvAsync(
        HttpContext context,
        SegmentationService service,
        IOptions<UploadOptions> upload,
        ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var perLine = CustomerRequestParser.PerLine(context.Request.Query);
            var includeContact = CustomerRequestParser.IncludesContact(context.Request.Query);
            var run = await RunDetailedAsync(context.Request, service, upload.Value, cancellationToken);
            var result = run.Result;
            var names = new string[result.ClusterCount];
            foreach (var profile in result.Profiles.Where(p => p.SegmentId >= 0 && p.SegmentId < names.Length))
            {
                names[profile.SegmentId] = profile.Name;
            }

            for (var i = 0; i < names.Length; i++)
            {
                names[i] ??= SegmentNames.Fallback(i);
            }

            // The writer is synchronous and the output can be as large as the upload: write it to a
            // temporary file, then stream that (deleted when the response is done with it).
            var output = new FileStream(
                Path.Combine(Path.GetTempPath(), "segmentdashboard-" + Path.GetRandomFileName()),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                81_920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                if (perLine)
                {
                    var source = run.Customers?.LinesOf(run.Source) ?? run.Source;
                    LabeledCsvWriter.Write(output, source, run.LineLabels(), names, includeContact);
                }
                else
                {
                    LabeledCsvWriter.Write(output, result.Dataset, result.RowLabels.AsSpan(), names, includeContact);
                }
                output.Position = 0;
            }
            catch
            {
                await output.DisposeAsync();
                throw;
            }

            var fileName = Path.GetFileNameWithoutExtension(result.Dataset.Name) + "-segments.csv";
            return TypedResults.File(output, "text/csv; charset=utf-8", fileName);
        });

    /// <summary>Parses the query, receives the upload, loads and segments it.</summary>
    internal static async Task<SegmentationResult> RunAsync(
        HttpRequest request,
        SegmentationService service,
        UploadOptions upload,
        CancellationToken cancellationToken) =>
        (await RunDetailedAsync(request, service, upload, cancellationToken)).Result;

    /// <summary>As <see cref="RunAsync"/>; with <c>customer</c>, the file becomes one row per customer first.</summary>
    internal static async Task<SegmentRun> RunDetailedAsync(
        HttpRequest request,
        SegmentationService service,
        UploadOptions upload,
        CancellationToken cancellationToken)
    {
        // Parameters first, so a bad one is reported before a large upload is read.
        var segmentation = ApiRequestParser.Parse(request.Query);
        var customers = CustomerRequestParser.Parse(request.Query);
        var asOf = customers is null ? CustomerRequestParser.AsOfDay(request.Query) : null;
        Dataset dataset;
        await using (var file = await CsvUpload.ReceiveAsync(request, upload.MaxBytes, cancellationToken))
        {
            dataset = await service.LoadCsvAsync(file.File, file.Name, upload.ToLoadOptions(), cancellationToken: cancellationToken);
        }

        // One row per customer already: its dates become days since / tenure / age (DerivedFeatures decides).
        var table = customers is null ? null : CustomerRun.Build(dataset, customers, cancellationToken);
        var segmented = table?.Customers ?? DerivedFeatures.Derive(dataset, asOf).Dataset;
        CheckAgainstDataset(segmentation, segmented);
        var result = await service.SegmentAsync(segmented, segmentation, cancellationToken: cancellationToken);
        return new SegmentRun(result, table, dataset);
    }

    /// <summary>The checks that need the file: every feature exists, k is not above the row count.</summary>
    internal static void CheckAgainstDataset(SegmentationRequest request, Dataset dataset)
    {
        foreach (var feature in request.Features)
        {
            if (dataset.Find(feature) is not null)
            {
                continue;
            }

            var near = dataset.Columns.FirstOrDefault(c => string.Equals(c.Name, feature, StringComparison.OrdinalIgnoreCase));
            var hint = near is not null
                ? $" Did you mean '{near.Name}'? Names are matched exactly."
                : $" The file's columns are: {string.Join(", ", dataset.Columns.Take(30).Select(c => "'" + c.Name + "'"))}{(dataset.Columns.Length > 30 ? ", ..." : string.Empty)}.";
            throw ApiProblemException.BadParameter(ApiRequestParser.Features, $"Parameter '{ApiRequestParser.Features}' names an unknown column '{feature}'.{hint}");
        }

        if (request.ClusterCount is { } k && request.Algorithm != ClusteringAlgorithm.Dbscan && k > dataset.RowCount)
        {
            throw ApiProblemException.BadParameter(
                ApiRequestParser.K,
                $"Parameter '{ApiRequestParser.K}' is {k.ToString(CultureInfo.InvariantCulture)} but the file has only {dataset.RowCount.ToString(CultureInfo.InvariantCulture)} data rows; choose k between 2 and the number of rows.");
        }
    }
}
