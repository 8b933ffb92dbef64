using BatchTui.Core.Results.Index;
using System.Buffers;
using System.Text;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// Finds the rows whose raw line bytes contain a needle: the file is read in large blocks and searched with the
/// vectorised <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>; each hit is mapped to its
/// row by a cursor that only moves forward, and the search jumps to the next line after a hit (like <c>grep -c</c>).
/// Matching is on the JSON text as stored: case-sensitive, and text the API escaped (quotes, newlines) is matched
/// in its escaped form.
/// </summary>
public static class FullTextSearch
{
    private const int BlockBytes = 4 << 20;

    /// <summary>Returns a bit per row (of the rows indexed so far) set when its line contains <paramref name="needle"/>.</summary>
    public static bool[] Search(ResultsIndex index, string needle, CancellationToken ct = default)
    {
        int rows = index.Count;
        var hits = new bool[rows];
        if (rows == 0 || needle.Length == 0) return hits;
        byte[] pattern = Encoding.UTF8.GetBytes(needle);
        ResultEntry last = index[rows - 1];
        long end = last.Offset + last.Length;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(BlockBytes, pattern.Length * 2));
        try
        {
            int len = pattern.Length;
            long pos = 0;
            int row = 0;
            while (pos < end && row < rows)
            {
                ct.ThrowIfCancellationRequested();
                int want = (int)Math.Min(buffer.Length, end - pos);
                int got = index.ReadAt(pos, buffer.AsSpan(0, want));
                if (got < len) break;
                ReadOnlySpan<byte> block = buffer.AsSpan(0, got);
                int at = 0;
                long resume = -1;
                while (row < rows)
                {
                    int i = block[at..].IndexOf(pattern);
                    if (i < 0) break;
                    long hit = pos + at + i;
                    row = RowAt(index, row, rows, hit);
                    if (row >= rows) break;
                    ResultEntry e = index[row];
                    long lineEnd = e.Offset + e.Length;
                    long next;
                    if (hit >= e.Offset && hit + len <= lineEnd)
                    {
                        hits[row++] = true;
                        next = lineEnd; // its other hits add nothing: go on at the next line
                    }
                    else next = hit + 1; // in a gap between lines, or spanning a line end
                    if (next - pos > got - len) { resume = next; break; }
                    at = (int)(next - pos);
                }
                if (pos + got >= end) break;
                // Overlap by len - 1 bytes so a match across the block edge is found in the next block.
                pos = resume >= 0 ? resume : pos + Math.Max(1, got - len + 1);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return hits;
    }

    /// <summary>The first row at or after <paramref name="from"/> whose line ends after <paramref name="offset"/>.</summary>
    private static int RowAt(ResultsIndex index, int from, int rows, long offset)
    {
        int r = from;
        // Most hits are near the cursor: step a little, then binary-search the rest.
        for (int k = 0; k < 8 && r < rows; k++, r++)
        {
            ResultEntry e = index[r];
            if (e.Offset + e.Length > offset) return r;
        }
        int lo = r, hi = rows - 1, ans = rows;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            ResultEntry e = index[mid];
            if (e.Offset + e.Length > offset) { ans = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return ans;
    }
}
