using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SegmentDashboard.Api;

/// <summary>
/// An uploaded CSV, streamed to a temporary file that is deleted when this is disposed. The body
/// is never held in memory: it is copied in small buffers while its size is counted.
/// </summary>
internal sealed class CsvUpload : IAsyncDisposable
{
    /// <summary>Room for multipart boundaries and part headers on top of the file's own limit.</summary>
    internal const long MultipartAllowance = 64 * 1024;

    private const int BufferSize = 81_920;

    private static readonly HashSet<string> RawMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/csv",
        "text/plain",
        "text/comma-separated-values",
        "application/csv",
        "application/vnd.ms-excel",
        "application/octet-stream",

        // What curl --data-binary sends when no Content-Type is given.
        "application/x-www-form-urlencoded",
    };

    private CsvUpload(FileStream file, string name)
    {
        File = file;
        Name = name;
    }

    /// <summary>The uploaded bytes, positioned at the start.</summary>
    public FileStream File { get; }

    /// <summary>The file name the client gave (multipart), else "upload.csv".</summary>
    public string Name { get; }

    /// <summary>
    /// Reads the body (raw CSV or a multipart <c>file</c> part) into a temporary file. Throws
    /// <see cref="ApiProblemException"/>: 413 over <paramref name="maxBytes"/> (by Content-Length
    /// up front, or while counting), 415 for an unsupported media type, 400 for an empty body.
    /// </summary>
    public static async Task<CsvUpload> ReceiveAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var multipart = IsMultipart(request, out var boundary);
        var allowance = multipart ? MultipartAllowance : 0;

        // The server's own limit (Kestrel: 30 MB by default) must not undercut the configured one,
        // and set before any refusal it also stops Kestrel draining an oversized body afterwards.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + allowance;
        }

        if (request.ContentLength > maxBytes + allowance)
        {
            throw ApiProblemException.TooLarge(maxBytes);
        }

        var body = new LimitedReadStream(request.Body, maxBytes + allowance, maxBytes);
        var file = CreateTemporaryFile();
        try
        {
            var name = multipart
                ? await ReceiveMultipartAsync(body, boundary!, file, maxBytes, cancellationToken)
                : await ReceiveRawAsync(body, file, maxBytes, cancellationToken);
            if (file.Length == 0)
            {
                throw ApiProblemException.BadInput(multipart
                    ? "The 'file' part is empty. Attach a CSV file with a header row and at least one data row."
                    : "The request body is empty. Send the CSV file as the body (Content-Type: text/csv) or as a multipart/form-data part named 'file'.");
            }

            file.Position = 0;
            return new CsvUpload(file, name);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();

    private static FileStream CreateTemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), "segmentdashboard-" + Path.GetRandomFileName()),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        BufferSize,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static bool IsMultipart(HttpRequest request, [NotNullWhen(true)] out string? boundary)
    {
        boundary = null;
        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Value is not { } type)
        {
            throw Unsupported(contentType);
        }

        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw ApiProblemException.BadInput("The multipart/form-data Content-Type has no boundary.");
            }

            return true;
        }

        return RawMediaTypes.Contains(type) ? false : throw Unsupported(contentType);
    }

    private static ApiProblemException Unsupported(string contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        "Unsupported media type",
        $"Content-Type '{contentType}' is not accepted. Send the CSV as the body with Content-Type: text/csv, or as multipart/form-data with a part named 'file'.");

    private static async Task<string> ReceiveRawAsync(Stream body, FileStream file, long maxBytes, CancellationToken cancellationToken)
    {
        await CopyAsync(body, file, maxBytes, cancellationToken);
        return "upload.csv";
    }

    private static async Task<string> ReceiveMultipartAsync(Stream body, string boundary, FileStream file, long maxBytes, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                {
                    continue;
                }

                await CopyAsync(section.Body, file, maxBytes, cancellationToken);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return SafeFileName(fileName);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or (IOException and not BadHttpRequestException) && !cancellationToken.IsCancellationRequested)
        {
            throw ApiProblemException.BadInput($"The multipart/form-data body is malformed ({ex.Message}).");
        }

        throw ApiProblemException.BadInput("The multipart/form-data body has no part named 'file'. Send the CSV as a part named 'file'.");
    }

    /// <summary>The last segment of a client-supplied name (browsers on Windows may send a full path).</summary>
    private static string SafeFileName(string? fileName)
    {
        var name = fileName?[(fileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return string.IsNullOrEmpty(name) ? "upload.csv" : name;
    }

    private static async Task CopyAsync(Stream source, FileStream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw ApiProblemException.TooLarge(maxBytes);
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await destination.FlushAsync(cancellationToken);
    }
}
