using System.Diagnostics;

namespace BatchTui.Core.Tests.Input;

/// <summary>
/// A named pipe (mkfifo) in a temp folder with a writer on the other end, as <c>open &lt;(cmd)</c> or a FIFO gives the
/// app: no size, no seeking. The writer either writes given bytes and closes, or writes a pattern without end until
/// the reader goes away (or <see cref="GiveUpAfter"/> bytes, so a reader with no cap fails a test instead of hanging it).
/// </summary>
internal sealed class Fifo : IDisposable
{
    public const long GiveUpAfter = 64L << 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("batchtui-fifo-").FullName;
    private long _written;

    private Fifo(Func<Fifo, Task> writer)
    {
        Path = System.IO.Path.Combine(_dir, "in.jsonl");
        using (var p = Process.Start(new ProcessStartInfo("mkfifo", [Path]) { UseShellExecute = false })!) p.WaitForExit();
        if (!File.Exists(Path)) throw new InvalidOperationException("mkfifo failed");
        Writer = Task.Run(() => writer(this));
    }

    public string Path { get; }
    public Task Writer { get; }
    /// <summary>Bytes the writer got into the pipe before it finished or the reader left.</summary>
    public long Written => Interlocked.Read(ref _written);
    public bool ReaderLeft { get; private set; }

    // FileShare.ReadWrite: .NET takes an advisory lock for FileShare.None, which would shut the reader out.

    /// <summary>Writes <paramref name="content"/> and closes (end of file for the reader).</summary>
    public static Fifo Of(byte[] content) => new(async f =>
    {
        await using var w = new FileStream(f.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        await w.WriteAsync(content);
        Interlocked.Add(ref f._written, content.Length);
    });

    /// <summary>Writes <paramref name="pattern"/> over and over: /dev/zero's behaviour, over a pipe.</summary>
    public static Fifo Endless(byte pattern = (byte)'x') => new(async f =>
    {
        var chunk = new byte[64 << 10];
        Array.Fill(chunk, pattern);
        try
        {
            await using var w = new FileStream(f.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            while (f.Written < GiveUpAfter)
            {
                await w.WriteAsync(chunk);
                Interlocked.Add(ref f._written, chunk.Length);
            }
        }
        catch (IOException)
        {
            f.ReaderLeft = true; // EPIPE: the reader closed its end
        }
    });

    /// <summary>Waits for the writer to finish (the reader has left or read everything).</summary>
    public void WaitForWriter()
    {
        if (!Writer.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("the FIFO writer never finished");
    }

    public void Dispose()
    {
        if (!Writer.IsCompleted)
        {
            // A writer still waiting for a reader to open the other end: open it, so it can finish.
            try { using var r = new FileStream(Path, FileMode.Open, FileAccess.Read); } catch (IOException) { }
            Writer.Wait(TimeSpan.FromSeconds(10));
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
