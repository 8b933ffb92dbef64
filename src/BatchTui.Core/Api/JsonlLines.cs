using System.Runtime.CompilerServices;

namespace BatchTui.Core.Api;

/// <summary>Splits a byte stream into lines (LF or CRLF), skipping blank ones, without decoding anything.</summary>
internal static class JsonlLines
{
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        byte[] buffer = new byte[64 * 1024];
        int start = 0, end = 0, scanned = 0;
        while (true)
        {
            int nl = Array.IndexOf(buffer, (byte)'\n', scanned, end - scanned);
            if (nl >= 0)
            {
                if (Line(buffer, start, nl) is { } line) yield return line;
                start = scanned = nl + 1;
                continue;
            }
            scanned = end;
            if (start > 0)
            {
                // Move the unfinished line to the front before reading more.
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            int n = await stream.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
            if (n == 0)
            {
                if (Line(buffer, start, end) is { } last) yield return last;
                yield break;
            }
            end += n;
        }
    }

    private static ReadOnlyMemory<byte>? Line(byte[] buffer, int from, int to)
    {
        if (to > from && buffer[to - 1] == (byte)'\r') to--;
        var span = buffer.AsSpan(from, to - from);
        if (span.Trim(" \t"u8).IsEmpty) return null;
        return span.ToArray(); // a copy: the caller may keep it after the buffer moves on
    }
}
