namespace SegmentDashboard.Api;

/// <summary>
/// A read-only view of a stream that throws <see cref="ApiProblemException"/> (413) as soon as more
/// than <c>maxBytes</c> have come through, so an oversized (e.g. chunked) upload is stopped while
/// it streams instead of after it has all been read.
/// </summary>
internal sealed class LimitedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _maxBytes;
    private readonly long _reportedLimit;

    /// <param name="reportedLimit">The limit named in the error (the configured one, without any multipart allowance).</param>
    public LimitedReadStream(Stream inner, long maxBytes, long reportedLimit)
    {
        _inner = inner;
        _maxBytes = maxBytes;
        _reportedLimit = reportedLimit;
    }

    /// <summary>Bytes read so far.</summary>
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

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > _maxBytes)
        {
            throw ApiProblemException.TooLarge(_reportedLimit);
        }

        return read;
    }
}
