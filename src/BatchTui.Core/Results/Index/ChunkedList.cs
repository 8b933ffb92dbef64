namespace BatchTui.Core.Results.Index;

/// <summary>
/// An append-only list of structs in fixed chunks: one writer appends, any number of readers read items below
/// <see cref="Count"/> without locks, and growing never copies the items (no large-object-heap churn at 1M rows).
/// </summary>
internal sealed class ChunkedList<T> where T : struct
{
    private const int Shift = 13;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private volatile T[][] _chunks = new T[4][];
    private volatile int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return _chunks[index >> Shift][index & Mask];
        }
    }

    /// <summary>Single writer only.</summary>
    public void Add(in T item)
    {
        int n = _count;
        int c = n >> Shift;
        T[][] chunks = _chunks;
        if (c == chunks.Length)
        {
            var grown = new T[chunks.Length * 2][];
            Array.Copy(chunks, grown, chunks.Length);
            _chunks = chunks = grown;
        }
        (chunks[c] ??= new T[ChunkSize])[n & Mask] = item;
        _count = n + 1; // publish after the write
    }
}
