using BatchTui.Core.Results.Index;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using System.Buffers;

namespace BatchTui.Core.Input;

/// <summary>
/// The file <c>open</c> indexes. The index reads lines by offset, so it needs a file it can seek in: a regular file
/// is used as it is; anything else (a pipe, <c>open &lt;(cmd)</c>, a FIFO, <c>/dev/stdin</c>, a device) is streamed
/// once into a private temp file (0600 in a 0700 folder, removed on <see cref="Dispose"/>) and that is indexed. The
/// copy stops at a line longer than the single-line cap (256 MB, as the indexer's): <c>/dev/zero</c> ends there with
/// a clear error instead of never. A directory, a missing file and an unreadable one each get their own message.
/// </summary>
public sealed class LocalResultsFile : IDisposable
{
    private const int CopyChunk = 1 << 20;
    private readonly string? _tempDir;

    private LocalResultsFile(string path, string source, string? tempDir, long copiedBytes)
    {
        Path = path;
        Source = source;
        _tempDir = tempDir;
        CopiedBytes = copiedBytes;
    }

    /// <summary>The file to index: the one named, or the private copy of what streamed from it.</summary>
    public string Path { get; }
    /// <summary>What the user named, for titles and messages.</summary>
    public string Source { get; }
    public bool IsCopy => _tempDir is not null;
    /// <summary>Bytes streamed into the copy (0 when the file is used as it is).</summary>
    public long CopiedBytes { get; }

    /// <summary>
    /// Opens <paramref name="path"/> for indexing, copying it first when it cannot be read by offset. Throws
    /// <see cref="FileNotFoundException"/>, <see cref="IOException"/> (a directory; unreadable) or
    /// <see cref="InputTooLargeException"/> (a line over <paramref name="maxLineBytes"/>), each with a message to print
    /// as it is, and nothing left behind.
    /// </summary>
    public static async Task<LocalResultsFile> OpenAsync(string path, long maxLineBytes = ResultsIndexer.MaxLineBytes, CancellationToken ct = default)
    {
        if (Directory.Exists(path)) throw new IOException($"{path} is a directory: open takes a results .jsonl file");
        if (!File.Exists(path)) throw new FileNotFoundException($"no such file: {path}", path);
        FileStream source;
        try
        {
            source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot read {path}: {e.Message}", e);
        }
        await using (source)
        {
            // A seekable file with a length is a regular file (or a redirect of one): indexed in place.
            if (source.CanSeek && source.Length > 0) return new LocalResultsFile(path, path, null, 0);

            DirectoryInfo dir = Directory.CreateTempSubdirectory("batchtui-open-"); // 0700 (mkdtemp)
            try
            {
                string copy = System.IO.Path.Combine(dir.FullName, "results.jsonl");
                long bytes;
                await using (var target = new FileStream(copy, PrivateFiles.NewFile(FileAccess.Write, FileOptions.Asynchronous, bufferSize: 0)))
                    bytes = await CopyAsync(source, target, maxLineBytes, path, ct).ConfigureAwait(false);
                return new LocalResultsFile(copy, path, dir.FullName, bytes);
            }
            catch
            {
                TryDelete(dir.FullName);
                throw;
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="target"/> until it ends, stopping with
    /// <see cref="InputTooLargeException"/> once a line runs past <paramref name="maxLineBytes"/> with no newline (at
    /// most one chunk more is read). Returns the bytes copied.
    /// </summary>
    public static async Task<long> CopyAsync(Stream source, Stream target, long maxLineBytes, string name, CancellationToken ct = default)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyChunk);
        try
        {
            long total = 0, lineLength = 0, lines = 0;
            while (true)
            {
                int n = await source.ReadAsync(buffer.AsMemory(0, CopyChunk), ct).ConfigureAwait(false);
                if (n == 0) return total;
                ReadOnlySpan<byte> chunk = buffer.AsSpan(0, n);
                int last = chunk.LastIndexOf((byte)'\n');
                if (last < 0) lineLength += n;
                else
                {
                    lines += chunk.Count((byte)'\n');
                    lineLength = n - last - 1;
                }
                if (lineLength > maxLineBytes)
                    throw new InputTooLargeException(
                        $"line {lines + 1:N0} of {name} runs past {Units.Limit(maxLineBytes)} with no newline (reading stopped there; one line may hold at most that): is it a results .jsonl file?");
                await target.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                total += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        if (_tempDir is not null) TryDelete(_tempDir);
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
