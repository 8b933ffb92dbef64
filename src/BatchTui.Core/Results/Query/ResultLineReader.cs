using System.Buffers;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// The lines of a results stream one at a time, each valid until the next call: one pooled buffer that grows only
/// for a line longer than it (up to <see cref="MaxLineBytes"/>), so memory stays flat whatever the file's size.
/// A trailing <c>\r</c> is dropped; blank lines are skipped. A longer line is reported as too long and skipped.
/// </summary>
public sealed class ResultLineReader(Stream source) : IDisposable
{
    public const int MaxLineBytes = Index.ResultsIndexer.MaxLineBytes;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start, _end, _scanned;
    private bool _eof;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Set when the last line returned was cut at <see cref="MaxLineBytes"/> (its rest was skipped).</summary>
    public bool LastWasTooLong { get; private set; }

    public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken ct = default)
    {
        while (true)
        {
            LastWasTooLong = false;
            int nl = _end > _scanned ? Array.IndexOf(_buffer, (byte)'\n', _scanned, _end - _scanned) : -1;
            if (nl >= 0)
            {
                int from = _start;
                _start = _scanned = nl + 1;
                LineNumber++;
                if (Trimmed(from, nl) is { } line) return line;
                continue;
            }
            _scanned = _end;
            if (_eof)
            {
                if (_start == _end) return null;
                int from = _start;
                _start = _scanned = _end;
                LineNumber++;
                if (Trimmed(from, _end) is { } last) return last;
                return null;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _scanned -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes)
                {
                    await SkipRestOfLineAsync(ct).ConfigureAwait(false);
                    LineNumber++;
                    LastWasTooLong = true;
                    return ReadOnlyMemory<byte>.Empty;
                }
                byte[] grown = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxLineBytes));
                Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = grown;
            }
            int n = await source.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (n == 0) _eof = true;
            _end += n;
        }
    }

    private ReadOnlyMemory<byte>? Trimmed(int from, int to)
    {
        if (to > from && _buffer[to - 1] == (byte)'\r') to--;
        var memory = _buffer.AsMemory(from, to - from);
        return memory.Span.Trim(" \t"u8).IsEmpty ? (ReadOnlyMemory<byte>?)null : memory; // a bare null would convert to empty memory
    }

    private async ValueTask SkipRestOfLineAsync(CancellationToken ct)
    {
        _start = _end = _scanned = 0;
        while (true)
        {
            int n = await source.ReadAsync(_buffer.AsMemory(), ct).ConfigureAwait(false);
            if (n == 0) { _eof = true; return; }
            int nl = Array.IndexOf(_buffer, (byte)'\n', 0, n);
            if (nl >= 0) { _start = _scanned = nl + 1; _end = n; return; }
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
