namespace BatchTui.Core.Results.Index;

/// <summary>
/// The rows of a later part of the file, indexed by another thread while the part before it is still being read. Its line
/// numbers count from the part's own start; they are shifted when the segment joins the index, in file order.
/// </summary>
internal sealed class IndexSegment
{
    public readonly ChunkedList<ResultEntry> Entries = new();
    public readonly Dictionary<int, string> Problems = new();
    private long _bytesDone;

    public long BytesDone => Interlocked.Read(ref _bytesDone);
    public void Progress(long bytes) => Interlocked.Exchange(ref _bytesDone, bytes);

    public void Add(in ResultEntry entry, string? problem)
    {
        if (problem is not null) Problems[Entries.Count] = problem;
        Entries.Add(entry);
    }
}
