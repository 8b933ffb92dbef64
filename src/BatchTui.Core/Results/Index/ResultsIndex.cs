using Microsoft.Win32.SafeHandles;
using System.Text;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// The in-memory index of a results file: one compact <see cref="ResultEntry"/> per line, filled by a background pass
/// (<see cref="Open"/>) while readers already use the first rows. Records themselves stay on disk and are read by
/// offset when shown. Thread-safe for one indexer and any number of readers.
/// </summary>
public sealed class ResultsIndex : IDisposable
{
    private readonly ChunkedList<ResultEntry> _entries = new();
    private readonly Dictionary<int, string> _problems = new();
    private readonly SafeFileHandle _handle;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Rows, TaskCompletionSource Tcs)> _waiters = new();
    private readonly Lock _gate = new();
    private long _bytesIndexed;
    private int _disposed;

    /// <param name="holdForFirstScreen">Open's pass: pause after the first screen's rows (<see cref="FirstScreenRows"/>).</param>
    private ResultsIndex(string path, bool holdForFirstScreen = false)
    {
        _firstScreenDrawn = new ManualResetEventSlim(initialState: !holdForFirstScreen);
        Path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        FileLength = RandomAccess.GetLength(_handle);
    }

    /// <summary>
    /// Opens <paramref name="path"/> and starts indexing it in the background, on one thread: the UI thread needs the
    /// other core to draw the first screen. Call <see cref="UseAllCores"/> once it is drawn.
    /// </summary>
    public static ResultsIndex Open(string path, CancellationToken ct = default) => Open(path, IndexTuning.Default, ct);

    internal static ResultsIndex Open(string path, IndexTuning tuning, CancellationToken ct = default)
    {
        var index = new ResultsIndex(path, holdForFirstScreen: true) { ScanThreads = 1, Tuning = tuning };
        // Its own thread, not a pool one: a pass of seconds on one of the two pool threads a 2-core machine starts with
        // left the UI's posted work waiting for the pool to grow (~250 ms before the first rows showed).
        _ = Task.Factory.StartNew(() => index.Run(ct), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return index;
    }

    /// <summary>Indexes <paramref name="path"/> on the calling thread and returns when done (CLI, tests, benchmark).</summary>
    public static ResultsIndex Build(string path, CancellationToken ct = default) => Build(path, Environment.ProcessorCount, ct: ct);

    /// <summary>The same with <paramref name="scanThreads"/> threads (tests: 1, or more than the machine has).</summary>
    internal static ResultsIndex Build(string path, int scanThreads, IndexTuning? tuning = null, CancellationToken ct = default)
    {
        var index = new ResultsIndex(path) { ScanThreads = scanThreads, Tuning = tuning ?? IndexTuning.Default };
        index.Run(ct);
        return index;
    }

    /// <summary>How many threads may index: read after every block, so it can rise mid-pass (<see cref="UseAllCores"/>);
    /// every core for <see cref="Build"/>, one for <see cref="Open"/> until the first screen is drawn.</summary>
    public int ScanThreads { get => _scanThreads; private set => _scanThreads = Math.Max(1, value); }
    private volatile int _scanThreads = 1;

    /// <summary>Lets the rest of the pass use every core (the TUI calls it once the first screen is drawn).</summary>
    public void UseAllCores()
    {
        ScanThreads = Environment.ProcessorCount;
        _firstScreenDrawn.Set();
    }

    /// <summary>
    /// <see cref="Open"/>'s pass pauses, at the end of the block in which it has this many rows, until
    /// <see cref="UseAllCores"/> says the first screen is drawn: till then the UI is still setting up the terminal and
    /// drawing, and on 2 cores a pass running at full speed beside it made the first frame later, while the rows it
    /// read would not be shown before that frame anyway. A first screen waits for at most this many rows.
    /// </summary>
    public const int FirstScreenRows = 200;
    private readonly ManualResetEventSlim _firstScreenDrawn; // set from the start unless the pass holds for it

    internal void WaitForFirstScreen(CancellationToken ct)
    {
        if (_firstScreenDrawn.IsSet || Count < FirstScreenRows) return;
        _firstScreenDrawn.Wait(Tuning.FirstScreenWait, ct);
        _firstScreenDrawn.Set(); // once
    }

    internal IndexTuning Tuning { get; private init; } = IndexTuning.Default;

    /// <summary>How many parts the pass was cut into (1: read by one thread from top to bottom).</summary>
    internal int Parts { get; set; } = 1;

    public string Path { get; }
    public long FileLength { get; }
    public StringPool Strings { get; } = new();

    /// <summary>Rows indexed so far; grows until <see cref="IsComplete"/>.</summary>
    public int Count => _entries.Count;
    public ResultEntry this[int row] => _entries[row];
    public long BytesIndexed => Interlocked.Read(ref _bytesIndexed);
    public bool IsComplete => _completion.Task.IsCompleted;
    /// <summary>Completes when the pass ends; faults only on an I/O error reading the file (never for bad data).</summary>
    public Task Completion => _completion.Task;
    /// <summary>The file does not end with a newline: the last line may have been cut (a half-downloaded file).</summary>
    public bool EndsMidLine { get; private set; }
    /// <summary>Raised on the indexer thread, throttled; the last one has <c>Done</c> set.</summary>
    public event Action<IndexProgress>? Progress;

    public IndexProgress CurrentProgress => new(Count, BytesIndexed, FileLength, IsComplete);

    public string Reason(in ResultEntry e) => Strings[e.ReasonId];
    public string Model(in ResultEntry e) => Strings[e.ModelId];

    /// <summary>Why a row is unparseable, e.g. <c>line 812: unparseable — unexpected end of data</c>; null otherwise.</summary>
    public string? Problem(int row)
    {
        lock (_gate) return _problems.TryGetValue(row, out string? p) ? p : null;
    }

    /// <summary>Completes once <paramref name="rows"/> rows are indexed, or the pass has ended with fewer.</summary>
    public Task WhenRows(int rows)
    {
        lock (_gate)
        {
            if (Count >= rows || IsComplete) return Task.CompletedTask;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((rows, tcs));
            return tcs.Task;
        }
    }

    /// <summary>The raw bytes of a row's line, read from the file at its offset.</summary>
    public byte[] ReadLine(int row) => ReadLine(this[row]);

    public byte[] ReadLine(in ResultEntry e)
    {
        var bytes = new byte[e.Length];
        ReadAt(e.Offset, bytes);
        return bytes;
    }

    /// <summary>Reads up to buffer.Length bytes at <paramref name="offset"/>; returns how many were read.</summary>
    public int ReadAt(long offset, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = RandomAccess.Read(_handle, buffer[total..], offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>About 100 characters of the first text block, on one line; "" when the row has no text.</summary>
    public string Preview(int row, int maxChars = 100)
    {
        ResultEntry e = this[row];
        if (e.PreviewOffset < 0 || e.PreviewLength == 0) return "";
        Span<byte> raw = stackalloc byte[LineScanner.PreviewBytes];
        int n = ReadAt(e.Offset + e.PreviewOffset, raw[..e.PreviewLength]);
        return JsonPreview.Decode(raw[..n], maxChars);
    }

    /// <summary>Adds a row; <paramref name="problem"/> ("unparseable — …") gets the row's line number in front.</summary>
    internal void Add(in ResultEntry entry, string? problem)
    {
        if (problem is not null) lock (_gate) _problems[_entries.Count] = $"line {entry.LineNumber}: {problem}";
        _entries.Add(entry);
    }

    internal void Publish(long bytes, bool final)
    {
        Interlocked.Exchange(ref _bytesIndexed, bytes);
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (final || Count >= _waiters[i].Rows)
                {
                    (ready ??= []).Add(_waiters[i].Tcs);
                    _waiters.RemoveAt(i);
                }
            }
        }
        if (ready is not null) foreach (var t in ready) t.TrySetResult();
        Progress?.Invoke(new IndexProgress(Count, bytes, FileLength, final));
    }

    private void Run(CancellationToken ct)
    {
        try
        {
            EndsMidLine = new ResultsIndexer(this, _handle).Run(ct);
            Publish(BytesIndexed, final: true);
            _completion.TrySetResult();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _completion.TrySetCanceled(ct);
            Publish(BytesIndexed, final: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _completion.TrySetException(e);
            Publish(BytesIndexed, final: true);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _firstScreenDrawn.Set(); // a pass waiting for a first screen that will not come goes on (and finds the handle closed)
        _handle.Dispose();
    }

    public override string ToString() => new StringBuilder().Append(Path).Append(" (").Append(Count).Append(" rows)").ToString();
}
