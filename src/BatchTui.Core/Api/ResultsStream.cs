using Anthropic.Core;

namespace BatchTui.Core.Api;

/// <summary>
/// The results body as it arrives, read-only and forward-only. A connection that drops mid-download (a truncated
/// file) raises <see cref="BatchApiException"/> with the byte count reached, instead of a raw I/O exception.
/// Disposing it releases the HTTP response.
/// </summary>
internal sealed class ResultsStream(Stream inner, HttpResponse response, ApiKey? key) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Guard(() => inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        try
        {
            int n = await inner.ReadAsync(buffer, ct).ConfigureAwait(false);
            _read += n;
            return n;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e) when (e is not BatchApiException) { throw Dropped(e); }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Guard(Func<int> read)
    {
        try
        {
            int n = read();
            _read += n;
            return n;
        }
        catch (Exception e) when (e is not BatchApiException and not OperationCanceledException) { throw Dropped(e); }
    }

    private BatchApiException Dropped(Exception e)
    {
        var mapped = ErrorMapper.Map(e, key);
        return new BatchApiException(null, mapped.ErrorType,
            $"results download broke off after {_read:N0} bytes: {mapped.ApiMessage}", response.RequestID, e);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }
        base.Dispose(disposing);
    }
}
