using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// The one sequential pass: reads the file in large pooled blocks, splits lines with a vectorised newline search and
/// scans each line in place. A line longer than the block grows the buffer up to <see cref="MaxLineBytes"/>; longer
/// ones are recorded as unparseable and skipped without buffering.
/// </summary>
internal sealed class ResultsIndexer(ResultsIndex index, SafeFileHandle handle)
{
    public const int BlockBytes = 1 << 20;
    public const int MaxLineBytes = 256 << 20;
    private const long ProgressEveryBytes = 8 << 20;

    private int _lineNumber;

    /// <summary>Returns true when the file does not end with a newline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Run(CancellationToken ct)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            long bufferStart = 0;       // file offset of buffer[0]
            int start = 0, end = 0;     // unconsumed bytes are buffer[start..end)
            long nextProgress = ProgressEveryBytes;
            bool firstPublished = false;
            LineScan scan = default;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        bufferStart += start;
                        end -= start;
                        start = 0;
                    }
                    else if (buffer.Length < MaxLineBytes)
                    {
                        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineBytes));
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    else
                    {
                        (bufferStart, end) = SkipHugeLine(bufferStart, buffer, end);
                        if (end < 0) return false;
                        continue;
                    }
                }
                int read = RandomAccess.Read(handle, buffer.AsSpan(end), bufferStart + end);
                if (read == 0) break;
                // The unconsumed bytes before `end` are known to hold no newline: search only the new ones first,
                // so a long line is not rescanned on every read.
                int searchFrom = end;
                end += read;

                ReadOnlySpan<byte> data = buffer.AsSpan(0, end);
                _batch = 0;
                while (true)
                {
                    int from = Math.Max(start, searchFrom);
                    int nl = data[from..].IndexOf((byte)'\n');
                    if (nl < 0) break;
                    nl += from - start;
                    AddToBatch(start, nl);
                    start += nl + 1;
                }
                ScanBatch(buffer, bufferStart);
                long done = bufferStart + start;
                if (done >= nextProgress || !firstPublished)
                {
                    index.Publish(done, final: false);
                    firstPublished = true;
                    nextProgress = done + ProgressEveryBytes;
                }
                // Give the buffer back to its base size after a huge line.
                if (start == end && buffer.Length > BlockBytes)
                {
                    bufferStart += start;
                    start = end = 0;
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
                }
            }
            bool midLine = start < end;
            if (midLine) ScanLine(bufferStart + start, buffer.AsSpan(start, end - start), ref scan, lastWithoutNewline: true);
            index.Publish(bufferStart + end, final: false);
            return midLine;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The lines of one block: their start in the buffer and length, and what the scanner found in each.
    private int _batch;
    private int[] _starts = new int[1024], _lengths = new int[1024];
    private LineScan[] _scans = new LineScan[1024];
    private bool[] _blank = new bool[1024];
    private static readonly bool TwoCores = Environment.ProcessorCount > 1;

    private void AddToBatch(int start, int length)
    {
        if (_batch == _starts.Length)
        {
            System.Array.Resize(ref _starts, _batch * 2);
            System.Array.Resize(ref _lengths, _batch * 2);
            System.Array.Resize(ref _scans, _batch * 2);
            System.Array.Resize(ref _blank, _batch * 2);
        }
        _starts[_batch] = start;
        _lengths[_batch] = length;
        _batch++;
    }

    /// <summary>
    /// Scans a block's lines — on two cores, the second half on a pool thread while this one does the first — then
    /// appends them in file order. Lines are independent and the string pool is thread-safe, so the index is the same
    /// either way; only the work is shared.
    /// </summary>
    private void ScanBatch(byte[] buffer, long bufferStart)
    {
        int n = _batch;
        if (n == 0) return;
        if (TwoCores && n >= 16)
        {
            int mid = n / 2;
            Task other = Task.Factory.StartNew(() => ScanRange(buffer, mid, n), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            ScanRange(buffer, 0, mid);
            other.Wait();
        }
        else ScanRange(buffer, 0, n);
        for (int i = 0; i < n; i++)
        {
            _lineNumber++;
            if (!_blank[i]) Append(bufferStart + _starts[i], _lengths[i], ref _scans[i], lastWithoutNewline: false);
        }
        _batch = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanRange(byte[] buffer, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            ReadOnlySpan<byte> line = buffer.AsSpan(_starts[i], _lengths[i]);
            ReadOnlySpan<byte> json = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
            _blank[i] = json.IndexOfAnyExcept(" \t"u8) < 0; // blank lines are not results; they still count as lines
            if (!_blank[i]) LineScanner.Scan(json, index.Strings, ref _scans[i]);
        }
    }

    private void ScanLine(long offset, ReadOnlySpan<byte> line, ref LineScan scan, bool lastWithoutNewline = false)
    {
        _lineNumber++;
        ReadOnlySpan<byte> json = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
        if (json.IndexOfAnyExcept(" \t"u8) < 0) return; // blank lines are not results; they still count as lines
        LineScanner.Scan(json, index.Strings, ref scan);
        Append(offset, line.Length, ref scan, lastWithoutNewline);
    }

    private void Append(long offset, int length, ref LineScan scan, bool lastWithoutNewline)
    {
        string? problem = null;
        ResultKind kind = scan.Kind;
        if (scan.Problem is not null)
        {
            kind = ResultKind.Unparseable;
            string tail = lastWithoutNewline && scan.Problem.StartsWith("unexpected end", StringComparison.Ordinal)
                ? " — the file ends mid-line (half-downloaded?)" : "";
            problem = $"line {_lineNumber}: unparseable — {scan.Problem}{tail}";
        }
        index.Add(new ResultEntry(offset, length, _lineNumber, scan.CustomId ?? "", kind, kind == ResultKind.Unparseable ? (short)-1 : scan.Reason,
            scan.Model, scan.InputTokens, scan.OutputTokens, scan.CacheCreationTokens, scan.CacheReadTokens,
            kind == ResultKind.Unparseable ? -1 : scan.PreviewOffset, scan.PreviewLength, scan.BlockCount), problem);
    }

    /// <summary>
    /// A line beyond <see cref="MaxLineBytes"/>: record it as unparseable and read on to its newline, keeping what
    /// follows. Returns the new buffer origin and fill, or end = -1 at end of file.
    /// </summary>
    private (long BufferStart, int End) SkipHugeLine(long lineStart, byte[] buffer, int filled)
    {
        long pos = lineStart + filled;
        while (true)
        {
            int read = RandomAccess.Read(handle, buffer, pos);
            if (read == 0)
            {
                RecordHuge(lineStart, pos - lineStart);
                index.Publish(pos, final: false);
                return (pos, -1);
            }
            int nl = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                RecordHuge(lineStart, pos + nl - lineStart);
                long next = pos + nl + 1;
                int rest = read - nl - 1;
                Buffer.BlockCopy(buffer, nl + 1, buffer, 0, rest);
                return (next, rest);
            }
            pos += read;
        }
    }

    private void RecordHuge(long offset, long length)
    {
        _lineNumber++;
        index.Add(new ResultEntry(offset, (int)Math.Min(length, int.MaxValue), _lineNumber, "", ResultKind.Unparseable, -1, -1, 0, 0, 0, 0, -1, 0, 0),
            $"line {_lineNumber}: unparseable — line too long ({length / (1 << 20)} MB; the limit is {MaxLineBytes >> 20} MB)");
    }
}
