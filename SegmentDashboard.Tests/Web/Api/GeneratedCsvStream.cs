using System.Net.Http.Headers;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>
/// A non-seekable request body of unknown length (so it is sent without Content-Length, as a
/// chunked upload is) that repeats a block of bytes and counts how many the server pulled: the
/// test host reads it on demand, so <see cref="BytesRead"/> is what the server consumed.
/// </summary>
public sealed class GeneratedCsvStream : Stream
{
    private readonly byte[] _block;

    public GeneratedCsvStream(byte[] block, int repeat)
    {
        _block = block;
        TotalBytes = (long)block.Length * repeat;
    }

    public long TotalBytes { get; }

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

    /// <summary>The stream as a text/csv request body without a length.</summary>
    public StreamContent ToContent()
    {
        var content = new StreamContent(this);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = TotalBytes - BytesRead;
        var count = (int)Math.Min(buffer.Length, remaining);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = _block[(int)((BytesRead + i) % _block.Length)];
        }

        BytesRead += count;
        return count;
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
