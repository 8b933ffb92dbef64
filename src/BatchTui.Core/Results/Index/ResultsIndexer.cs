using Microsoft.Win32.SafeHandles;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// The pass over a whole results file. It starts on one thread from the top, adding rows as it goes. Once the index may
/// use more threads (<see cref="ResultsIndex.ScanThreads"/>: the CLI at once, the TUI once its first screen is drawn),
/// the part not yet read is cut at line starts into one part per thread; each later part is indexed on its own thread
/// into a segment, and the segments join the index in file order when the parts before them are done. Lines are
/// independent, so the index is the same whichever way the file was cut; only the work is shared, with no hand-off per
/// block (a per-block hand-off measured slower than one thread on 2 cores).
/// </summary>
internal sealed class ResultsIndexer(ResultsIndex index, SafeFileHandle handle)
{
    public const int MaxLineBytes = 256 << 20;
    /// <summary>How far a cut looks for the next line start before giving up on cutting there.</summary>
    private const int CutSearchBytes = 16 << 20;

    private readonly List<(RangeIndexer Part, IndexSegment Segment, Task<bool> Run)> _later = [];
    private bool _cut;

    /// <summary>Returns true when the file does not end with a newline.</summary>
    public bool Run(CancellationToken ct)
    {
        RangeIndexer first = null!;
        first = new RangeIndexer(index, handle, 0, segment: null, done => index.Publish(done + LaterBytesDone, final: false))
        {
            AfterBlock = readTo => MaybeCut(first, readTo, ct),
        };
        try
        {
            bool midLine = first.Run(ct);
            int lines = first.Lines;
            foreach (var (part, segment, run) in _later)
            {
                midLine = run.GetAwaiter().GetResult(); // rethrows the part's own I/O error or cancellation
                Join(segment, lines);
                lines += part.Lines;
            }
            return midLine;
        }
        finally
        {
            // On a failure or cancellation, no part may outlive the pass (the handle closes after it).
            foreach (var (_, _, run) in _later) try { run.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
    }

    /// <summary>Bytes read so far by the later parts (progress, while the first part is still reading).</summary>
    private long LaterBytesDone
    {
        get
        {
            long sum = 0;
            foreach (var later in _later) sum += later.Segment.BytesDone;
            return sum;
        }
    }

    private void MaybeCut(RangeIndexer first, long readTo, CancellationToken ct)
    {
        index.WaitForFirstScreen(ct);
        if (_cut || index.ScanThreads < 2) return;
        _cut = true; // once: what is left only shrinks
        long fileEnd = RandomAccess.GetLength(handle);
        long rest = fileEnd - readTo;
        int parts = (int)Math.Min(index.ScanThreads, rest / index.Tuning.MinPartBytes);
        if (parts < 2) return;
        var starts = new List<long>();
        for (int k = 1; k < parts; k++)
        {
            long at = LineStartFrom(readTo + rest * k / parts, fileEnd);
            if (at > 0 && at < fileEnd && (starts.Count == 0 ? at >= readTo : at > starts[^1])) starts.Add(at);
        }
        if (starts.Count == 0) return;
        first.To = starts[0];
        index.Parts = starts.Count + 1;
        for (int k = 0; k < starts.Count; k++)
        {
            var segment = new IndexSegment();
            long from = starts[k];
            var part = new RangeIndexer(index, handle, from, segment, done => segment.Progress(done - from))
            {
                To = k + 1 < starts.Count ? starts[k + 1] : long.MaxValue,
            };
            Task<bool> run = Task.Factory.StartNew(() => part.Run(ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _later.Add((part, segment, run));
        }
    }

    /// <summary>The first line start at or after <paramref name="at"/> (just after a newline), or -1 within the search.</summary>
    private long LineStartFrom(long at, long fileEnd)
    {
        Span<byte> chunk = stackalloc byte[4096];
        for (long pos = Math.Max(0, at - 1); pos < fileEnd && pos < at + CutSearchBytes;)
        {
            int read = RandomAccess.Read(handle, chunk, pos);
            if (read == 0) break;
            int nl = chunk[..read].IndexOf((byte)'\n');
            if (nl >= 0) return pos + nl + 1;
            pos += read;
        }
        return -1;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Join(IndexSegment segment, int linesBefore)
    {
        for (int i = 0; i < segment.Entries.Count; i++)
            index.Add(segment.Entries[i].AfterLines(linesBefore), segment.Problems.GetValueOrDefault(i));
    }
}
