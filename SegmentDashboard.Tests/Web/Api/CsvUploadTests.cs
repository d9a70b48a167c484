using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>
/// The upload code on a bare HttpContext, where the request body is read only by the code under
/// test, so the bytes it consumed can be counted (TestServer drains whole bodies by itself).
/// </summary>
public sealed class CsvUploadTests
{
    private static readonly byte[] Block = Encoding.UTF8.GetBytes("Age,Income\n" + string.Concat(Enumerable.Repeat("31,45\n", 500)));

    [Fact]
    public async Task ReceiveAsync_ChunkedBodyOverTheLimit_413AfterReadingLittleMoreThanTheLimit()
    {
        var body = new GeneratedCsvStream(Block, repeat: 10_000);
        var context = Context(body, "text/csv");

        var error = await Assert.ThrowsAsync<ApiProblemException>(() => CsvUpload.ReceiveAsync(context.Request, 1000, CancellationToken.None));

        Assert.Equal(413, error.Status);
        Assert.InRange(body.BytesRead, 1001, 1000 + 81_920);
    }

    [Fact]
    public async Task ReceiveAsync_ContentLengthOverTheLimit_413WithoutReadingTheBody()
    {
        var body = new GeneratedCsvStream(Block, repeat: 10);
        var context = Context(body, "text/csv");
        context.Request.ContentLength = body.TotalBytes;

        var error = await Assert.ThrowsAsync<ApiProblemException>(() => CsvUpload.ReceiveAsync(context.Request, 1000, CancellationToken.None));

        Assert.Equal(413, error.Status);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task ReceiveAsync_MultipartPartOverTheLimit_413BeforeTheRestIsRead()
    {
        var boundary = "b0undary";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n");
        var body = new ConcatStream(head, new GeneratedCsvStream(Block, repeat: 10_000));
        var context = Context(body, $"multipart/form-data; boundary={boundary}");

        var error = await Assert.ThrowsAsync<ApiProblemException>(() => CsvUpload.ReceiveAsync(context.Request, 1000, CancellationToken.None));

        Assert.Equal(413, error.Status);
        Assert.True(body.BytesRead < 1000 + CsvUpload.MultipartAllowance + 81_920 * 2, $"{body.BytesRead} bytes read.");
    }

    [Fact]
    public async Task ReceiveAsync_RawBody_CopiedToATemporaryFileDeletedOnDispose()
    {
        var context = Context(new MemoryStream(Block), "text/csv; charset=utf-8");

        string path;
        await using (var upload = await CsvUpload.ReceiveAsync(context.Request, 1_000_000, CancellationToken.None))
        {
            path = upload.File.Name;
            Assert.Equal("upload.csv", upload.Name);
            Assert.Equal(0, upload.File.Position);
            Assert.Equal(Block, await ReadAllAsync(upload.File));
            Assert.True(File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ReceiveAsync_MultipartFilePart_OnlyThatPartWithItsFileName()
    {
        var boundary = "xyz";
        var text = $"--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n" +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\exports\\\\customers.csv\"\r\nContent-Type: text/csv\r\n\r\nAge,Income\n31,45\n\r\n--{boundary}--\r\n";
        var context = Context(new MemoryStream(Encoding.UTF8.GetBytes(text)), $"multipart/form-data; boundary=\"{boundary}\"");

        await using var upload = await CsvUpload.ReceiveAsync(context.Request, 1_000_000, CancellationToken.None);

        Assert.Equal("Age,Income\n31,45\n", Encoding.UTF8.GetString(await ReadAllAsync(upload.File)));
        Assert.Equal("customers.csv", upload.Name);
    }

    [Fact]
    public async Task ReceiveAsync_NoContentType_TreatedAsRawCsv()
    {
        var context = Context(new MemoryStream(Block), contentType: null);

        await using var upload = await CsvUpload.ReceiveAsync(context.Request, 1_000_000, CancellationToken.None);

        Assert.Equal(Block.Length, upload.File.Length);
    }

    [Fact]
    public async Task ReceiveAsync_ServerLimitBelowTheConfiguredOne_Raised()
    {
        var context = Context(new MemoryStream(Block), "text/csv");
        var sizeFeature = new SizeFeature { MaxRequestBodySize = 30_000_000 };
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(sizeFeature);

        await using var upload = await CsvUpload.ReceiveAsync(context.Request, 268_435_456, CancellationToken.None);

        Assert.Equal(268_435_456, sizeFeature.MaxRequestBodySize);
    }

    [Fact]
    public async Task RunAsync_BadParameter_RefusedWithoutReadingTheBody()
    {
        var body = new GeneratedCsvStream(Block, repeat: 100);
        var context = Context(body, "text/csv");
        context.Request.QueryString = new QueryString("?k=1");
        context.Request.Query = new QueryCollection(QueryHelpers.ParseQuery("?k=1"));

        var error = await Assert.ThrowsAsync<ApiProblemException>(() =>
            SegmentEndpoint.RunAsync(context.Request, new SegmentationService(), new UploadOptions(), CancellationToken.None));

        Assert.Equal("k", error.Parameter);
        Assert.Equal(0, body.BytesRead);
    }

    private static DefaultHttpContext Context(Stream body, string? contentType)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = body;
        context.Request.ContentType = contentType;
        return context;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed class SizeFeature : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }

    /// <summary>A fixed head followed by a generated stream, counting what was read.</summary>
    private sealed class ConcatStream : Stream
    {
        private readonly byte[] _head;
        private readonly Stream _tail;

        public ConcatStream(byte[] head, Stream tail)
        {
            _head = head;
            _tail = tail;
        }

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            if (BytesRead < _head.Length)
            {
                read = Math.Min(buffer.Length, _head.Length - (int)BytesRead);
                _head.AsSpan((int)BytesRead, read).CopyTo(buffer);
            }
            else
            {
                read = _tail.Read(buffer);
            }

            BytesRead += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
