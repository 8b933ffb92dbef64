using Microsoft.Win32.SafeHandles;
using System.Buffers;
using System.Runtime.CompilerServices;

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
        byte[]? spare = null;   // the next block, read while other threads scan this one
        try
        {
            long bufferStart = 0;       // file offset of buffer[0]
            int start = 0, end = 0;     // unconsumed bytes are buffer[start..end)
            int searchFrom = 0;         // buffer[start..searchFrom) is known to hold no newline
            bool prefetched = false;    // buffer[searchFrom..end) was read during the previous block's scan
            long nextProgress = ProgressEveryBytes;
            bool firstPublished = false;
            LineScan scan = default;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (!prefetched)
                {
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
                            start = searchFrom = 0; // what followed the huge line is new: split it before reading on
                            prefetched = true;
                            continue;
                        }
                    }
                    int read = RandomAccess.Read(handle, buffer.AsSpan(end), bufferStart + end);
                    if (read == 0) break;
                    // The unconsumed bytes before `end` hold no newline: search only the new ones, so a long line is
                    // not rescanned on every read.
                    searchFrom = end;
                    end += read;
                }
                prefetched = false;

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
                searchFrom = end;

                SharedScan? shared = StartSharedScan(buffer);
                if (shared is not null && end - start <= BlockBytes / 2)
                {
                    // Read the next block into the spare buffer (after this one's unfinished last line) while the
                    // helpers scan: the kernel's copy overlaps the scan instead of preceding it.
                    spare ??= ArrayPool<byte>.Shared.Rent(BlockBytes);
                    int tail = end - start;
                    Buffer.BlockCopy(buffer, start, spare, 0, tail);
                    int read = RandomAccess.Read(handle, spare.AsSpan(tail), bufferStart + end);
                    FinishBatch(shared, buffer, bufferStart);
                    (buffer, spare) = (spare, buffer);
                    bufferStart += start;
                    start = 0;
                    searchFrom = tail;
                    end = tail + read;
                    prefetched = read > 0;
                }
                else FinishBatch(shared, buffer, bufferStart);

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
                    start = end = searchFrom = 0;
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
            if (spare is not null) ArrayPool<byte>.Shared.Return(spare);
        }
    }

    // The lines of one block: their start in the buffer and length, and what the scanner found in each.
    private int _batch;
    private int[] _starts = new int[1024], _lengths = new int[1024];
    private LineScan[] _scans = new LineScan[1024];
    private bool[] _blank = new bool[1024];

    /// <summary>Tests: false keeps the scan on one thread whatever <see cref="ResultsIndex.ScanThreads"/> says, so both
    /// paths are covered (they give the same index, so other tests running meanwhile do not care).</summary>
    internal static bool ShareScan { get; set; } = true;

    private const int LinesPerClaim = 8;

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
    /// Starts sharing a block's scan, or returns null to scan it on this thread alone. With more than one scan thread allowed
    /// (<see cref="ResultsIndex.ScanThreads"/>: the CLI at once, the TUI once its first screen is drawn), pool threads
    /// join in: every thread claims a few lines at a time until none are left, so a helper that starts late or is
    /// descheduled on a busy machine costs nothing but its share. Lines are independent and the string pool is
    /// thread-safe, so the index is the same either way; only the work is shared.
    /// </summary>
    private SharedScan? StartSharedScan(byte[] buffer)
    {
        int n = _batch;
        int helpers = ShareScan ? Math.Min(index.ScanThreads - 1, n / (4 * LinesPerClaim)) : 0;
        if (helpers <= 0) return null;
        var work = new SharedScan(this, buffer, n);
        for (int h = 0; h < helpers; h++) ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        return work;
    }

    private void FinishBatch(SharedScan? shared, byte[] buffer, long bufferStart)
    {
        int n = _batch;
        if (n == 0) return;
        if (shared is null) ScanRange(buffer, 0, n);
        else
        {
            shared.Execute();
            var spin = new SpinWait();
            while (Volatile.Read(ref shared.Done) < n) spin.SpinOnce();
        }
        for (int i = 0; i < n; i++)
        {
            _lineNumber++;
            if (!_blank[i]) Append(bufferStart + _starts[i], _lengths[i], ref _scans[i], lastWithoutNewline: false);
        }
        _batch = 0;
    }

    /// <summary>One block's lines shared between threads: each claims <see cref="LinesPerClaim"/> at a time.</summary>
    private sealed class SharedScan(ResultsIndexer owner, byte[] buffer, int count) : IThreadPoolWorkItem
    {
        private int _next;
        public int Done;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute()
        {
            while (true)
            {
                int from = Interlocked.Add(ref _next, LinesPerClaim) - LinesPerClaim;
                if (from >= count) return; // all claimed: the block's arrays are no longer ours to read
                int to = Math.Min(from + LinesPerClaim, count);
                owner.ScanRange(buffer, from, to);
                Interlocked.Add(ref Done, to - from);
            }
        }
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
