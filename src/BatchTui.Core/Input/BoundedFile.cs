using BatchTui.Core.Text;

namespace BatchTui.Core.Input;

/// <summary>
/// Reads a whole file into memory with a cap checked while reading, never after: a regular file over the cap is
/// refused by its size before a byte is read; a pipe, FIFO or device (whose size is unknown, or endless like
/// <c>/dev/zero</c>) is read until the cap and refused there. Memory stays within the cap (plus one chunk).
/// </summary>
public static class BoundedFile
{
    private const int Chunk = 1 << 20;

    /// <summary>As <see cref="ReadAllBytesAsync"/>, decoded as <see cref="File.ReadAllTextAsync(string, CancellationToken)"/> does (UTF-8 unless a byte order mark says otherwise).</summary>
    public static async Task<string> ReadAllTextAsync(string path, long maxBytes, string what, string? advice = null, CancellationToken ct = default)
    {
        byte[] bytes = await ReadAllBytesAsync(path, maxBytes, what, advice, ct).ConfigureAwait(false);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    /// <param name="what">What the file is, for the message: "the requests file", "the config file".</param>
    /// <param name="advice">What to do about it, appended to the message (e.g. "split it into smaller batches").</param>
    public static async Task<byte[]> ReadAllBytesAsync(string path, long maxBytes, string what, string? advice = null, CancellationToken ct = default)
    {
        await using FileStream stream = Open(path, maxBytes, what, advice, FileOptions.Asynchronous);
        return await ReadCapped(m => stream.ReadAsync(m, ct), maxBytes, what, advice).ConfigureAwait(false);
    }

    /// <summary>The same, blocking (for the config loader, which runs before anything async).</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what, string? advice = null)
    {
        using FileStream stream = Open(path, maxBytes, what, advice, FileOptions.None);
        ValueTask<byte[]> read = ReadCapped(m => new ValueTask<int>(stream.Read(m.Span)), maxBytes, what, advice);
        return read.IsCompleted ? read.Result : read.AsTask().GetAwaiter().GetResult();
    }

    private static string Tail(string? advice) => advice is null ? "" : $": {advice}";

    private static FileStream Open(string path, long maxBytes, string what, string? advice, FileOptions options)
    {
        if (Directory.Exists(path)) throw new IOException($"{path} is a directory, not a file");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, options);
        long known = stream.CanSeek ? stream.Length : 0;
        if (known > maxBytes)
        {
            stream.Dispose();
            throw new InputTooLargeException($"{what} is {Units.Limit(known)}, over the {Units.Limit(maxBytes)} limit{Tail(advice)}");
        }
        return stream;
    }

    // Chunks, then one array: no doubling buffer, so the peak is the content (twice at the very end), never more.
    private static async ValueTask<byte[]> ReadCapped(Func<Memory<byte>, ValueTask<int>> read, long maxBytes, string what, string? advice)
    {
        var chunks = new List<byte[]>();
        long total = 0;
        while (true)
        {
            var chunk = new byte[(int)Math.Min(Chunk, maxBytes + 1 - total)];
            int filled = 0;
            while (filled < chunk.Length)
            {
                int n = await read(chunk.AsMemory(filled)).ConfigureAwait(false);
                if (n == 0) break;
                filled += n;
            }
            total += filled;
            if (total > maxBytes)
                throw new InputTooLargeException($"{what} is over the {Units.Limit(maxBytes)} limit (reading stopped there){Tail(advice)}");
            if (filled < chunk.Length)
            {
                if (filled > 0) chunks.Add(chunk[..filled]);
                break;
            }
            chunks.Add(chunk);
        }
        var all = new byte[total];
        long at = 0;
        foreach (byte[] c in chunks)
        {
            c.CopyTo(all, at);
            at += c.Length;
        }
        return all;
    }
}
