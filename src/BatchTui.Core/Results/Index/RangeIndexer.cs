using Microsoft.Win32.SafeHandles;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// One thread's sequential pass over a part of the file, from a line start to <see cref="To"/>: reads large pooled
/// blocks, splits lines with a vectorised newline search and scans each line in place. A line longer than the block
/// grows the buffer up to <see cref="ResultsIndexer.MaxLineBytes"/>; longer ones are recorded as unparseable and skipped
/// without buffering. The first part adds its rows to the index as it goes (so the first screen comes at once); a later
/// part keeps them in its <see cref="IndexSegment"/> until the parts before it are done.
/// </summary>
internal sealed class RangeIndexer(ResultsIndex index, SafeFileHandle handle, long from, IndexSegment? segment, Action<long> progress)
{
    private const long ProgressEveryBytes = 8 << 20;

    private int _lineNumber;

    /// <summary>Where this part ends (a line start, or <see cref="long.MaxValue"/>: the end of the file). The first part's
    /// end is moved back once, when later parts are handed to other threads, to a point it has not read yet.</summary>
    public long To { get; set; } = long.MaxValue;

    /// <summary>Called after each block with the offset reading has reached: the first part may split the rest there.</summary>
    public Action<long>? AfterBlock { get; init; }

    /// <summary>Lines read, blank ones included.</summary>
    public int Lines => _lineNumber;

    /// <summary>Returns true when the part (the file) does not end with a newline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Run(CancellationToken ct)
    {
        int blockBytes = index.Tuning.BlockBytes;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
        try
        {
            long bufferStart = from;    // file offset of buffer[0]
            int start = 0, end = 0;     // unconsumed bytes are buffer[start..end)
            int searchFrom = 0;         // buffer[start..searchFrom) is known to hold no newline
            bool refilled = false;      // buffer[searchFrom..end) came from a huge line's skip, not a read
            long nextProgress = from + ProgressEveryBytes;
            // Every block is published until the first screen's rows are: the pane waits for them, and Open's pass
            // pauses once it has them (ResultsIndex.FirstScreenRows).
            bool firstScreenPublished = segment is not null;
            LineScan scan = default;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (!refilled)
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
                        else if (buffer.Length < ResultsIndexer.MaxLineBytes)
                        {
                            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, ResultsIndexer.MaxLineBytes));
                            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = bigger;
                        }
                        else
                        {
                            (bufferStart, end) = SkipHugeLine(bufferStart, buffer, end);
                            if (end < 0) return false;
                            start = searchFrom = 0; // what followed the huge line is new: split it before reading on
                            refilled = true;
                            continue;
                        }
                    }
                    long readAt = bufferStart + end;
                    int room = (int)Math.Min(buffer.Length - end, Math.Max(0, To - readAt));
                    int read = room == 0 ? 0 : RandomAccess.Read(handle, buffer.AsSpan(end, room), readAt);
                    if (read == 0) break;
                    // The unconsumed bytes before `end` hold no newline: search only the new ones, so a long line is
                    // not rescanned on every read.
                    searchFrom = end;
                    end += read;
                }
                refilled = false;

                ReadOnlySpan<byte> data = buffer.AsSpan(0, end);
                while (true)
                {
                    int at = Math.Max(start, searchFrom);
                    int nl = data[at..].IndexOf((byte)'\n');
                    if (nl < 0) break;
                    nl += at - start;
                    ScanLine(bufferStart + start, data.Slice(start, nl), ref scan, lastWithoutNewline: false);
                    start += nl + 1;
                }
                searchFrom = end;

                long done = bufferStart + start;
                if (done >= nextProgress || !firstScreenPublished)
                {
                    progress(done);
                    firstScreenPublished |= index.Count >= ResultsIndex.FirstScreenRows;
                    nextProgress = done + ProgressEveryBytes;
                }
                AfterBlock?.Invoke(bufferStart + end);
                // Give the buffer back to its base size after a huge line.
                if (start == end && buffer.Length > blockBytes)
                {
                    bufferStart += start;
                    start = end = searchFrom = 0;
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
                }
            }
            bool midLine = start < end;
            if (midLine) ScanLine(bufferStart + start, buffer.AsSpan(start, end - start), ref scan, lastWithoutNewline: true);
            progress(bufferStart + end);
            return midLine;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLine(long offset, ReadOnlySpan<byte> line, ref LineScan scan, bool lastWithoutNewline)
    {
        _lineNumber++;
        ReadOnlySpan<byte> json = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
        if (json.IndexOfAnyExcept(" \t"u8) < 0) return; // blank lines are not results; they still count as lines
        LineScanner.Scan(json, index.Strings, ref scan);
        string? problem = null;
        ResultKind kind = scan.Kind;
        if (scan.Problem is not null)
        {
            kind = ResultKind.Unparseable;
            string tail = lastWithoutNewline && scan.Problem.StartsWith("unexpected end", StringComparison.Ordinal)
                ? " — the file ends mid-line (half-downloaded?)" : "";
            problem = $"unparseable — {scan.Problem}{tail}";
        }
        Add(new ResultEntry(offset, line.Length, _lineNumber, scan.CustomId ?? "", kind, kind == ResultKind.Unparseable ? (short)-1 : scan.Reason,
            scan.Model, scan.InputTokens, scan.OutputTokens, scan.CacheCreationTokens, scan.CacheReadTokens,
            kind == ResultKind.Unparseable ? -1 : scan.PreviewOffset, scan.PreviewLength, scan.BlockCount), problem);
    }

    private void Add(in ResultEntry entry, string? problem)
    {
        if (segment is null) index.Add(entry, problem);
        else segment.Add(entry, problem);
    }

    /// <summary>
    /// A line beyond <see cref="ResultsIndexer.MaxLineBytes"/>: record it as unparseable and read on to its newline,
    /// keeping what follows. Returns the new buffer origin and fill, or end = -1 at the end of the part.
    /// </summary>
    private (long BufferStart, int End) SkipHugeLine(long lineStart, byte[] buffer, int filled)
    {
        long pos = lineStart + filled;
        while (true)
        {
            int room = (int)Math.Min(buffer.Length, Math.Max(0, To - pos));
            int read = room == 0 ? 0 : RandomAccess.Read(handle, buffer.AsSpan(0, room), pos);
            if (read == 0)
            {
                RecordHuge(lineStart, pos - lineStart);
                progress(pos);
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
        Add(new ResultEntry(offset, (int)Math.Min(length, int.MaxValue), _lineNumber, "", ResultKind.Unparseable, -1, -1, 0, 0, 0, 0, -1, 0, 0),
            $"unparseable — line too long ({length / (1 << 20)} MB; the limit is {ResultsIndexer.MaxLineBytes >> 20} MB)");
    }
}
