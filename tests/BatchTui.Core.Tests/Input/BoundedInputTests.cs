using BatchTui.Core.Config;
using BatchTui.Core.Input;
using BatchTui.Core.Requests;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Tests.State;
using System.Text;

namespace BatchTui.Core.Tests.Input;

/// <summary>
/// Input with no size or no end: FIFOs, endless streams, huge sparse files, directories. Every cap is checked while
/// reading, so what is read stays bounded (asserted as bytes read, never as time).
/// </summary>
public class BoundedInputTests
{
    private const string Line1 = """{"custom_id":"a","result":{"type":"expired"}}""";
    private const string Line2 = """{"custom_id":"b","result":{"type":"canceled"}}""";
    private static readonly Dictionary<string, string?> NoEnv = new();

    // ---- open: the results file ---------------------------------------------------------------------------------

    [Fact]
    public async Task A_fifo_is_copied_to_a_private_temp_file_indexed_there_and_the_copy_removed_after()
    {
        if (OperatingSystem.IsWindows()) return;
        using var fifo = Fifo.Of(Encoding.UTF8.GetBytes(Line1 + "\n" + Line2 + "\n"));
        string copyDir;
        using (LocalResultsFile input = await LocalResultsFile.OpenAsync(fifo.Path))
        {
            Assert.True(input.IsCopy);
            Assert.Equal(fifo.Path, input.Source);
            Assert.NotEqual(fifo.Path, input.Path);
            copyDir = Path.GetDirectoryName(input.Path)!;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(input.Path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(copyDir));
            using ResultsIndex index = ResultsIndex.Build(input.Path);
            Assert.Equal(2, index.Count);
            Assert.Equal(["a", "b"], Enumerable.Range(0, 2).Select(r => index[r].CustomId));
        }
        Assert.False(Directory.Exists(copyDir));
    }

    [Fact]
    public async Task A_regular_file_is_indexed_in_place_and_a_directory_or_a_missing_file_each_say_what_they_are()
    {
        using var dir = new TempDir();
        string file = dir["r.jsonl"];
        File.WriteAllText(file, Line1 + "\n");
        using (LocalResultsFile input = await LocalResultsFile.OpenAsync(file))
        {
            Assert.False(input.IsCopy);
            Assert.Equal(file, input.Path);
        }
        Assert.True(File.Exists(file));
        var isDir = await Assert.ThrowsAsync<IOException>(() => LocalResultsFile.OpenAsync(dir.Path));
        Assert.Equal($"{dir.Path} is a directory: open takes a results .jsonl file", isDir.Message);
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => LocalResultsFile.OpenAsync(dir["nope.jsonl"]));
        Assert.Equal($"no such file: {dir["nope.jsonl"]}", missing.Message);
    }

    [Fact]
    public async Task An_endless_fifo_with_no_newline_stops_at_the_single_line_cap_with_a_clear_error()
    {
        if (OperatingSystem.IsWindows()) return;
        const long Cap = 1 << 20;
        using var fifo = Fifo.Endless((byte)0);
        var e = await Assert.ThrowsAsync<InputTooLargeException>(() => LocalResultsFile.OpenAsync(fifo.Path, maxLineBytes: Cap));
        Assert.Equal($"line 1 of {fifo.Path} runs past 1 MB with no newline (reading stopped there; one line may hold at most that): is it a results .jsonl file?", e.Message);
        fifo.WaitForWriter();
        Assert.True(fifo.ReaderLeft, "the reader stopped and closed the pipe");
        Assert.InRange(fifo.Written, Cap, Cap + (4 << 20)); // the cap, one read chunk and the pipe's buffer: not 64 MB
    }

    [Fact]
    public async Task An_endless_stream_is_read_only_one_chunk_past_the_cap_and_lines_are_counted_for_the_message()
    {
        const long Cap = 3 << 20;
        var source = new EndlessStream(Encoding.UTF8.GetBytes(Line1 + "\n" + Line2 + "\n"), thenByte: (byte)'x');
        var target = new MemoryStream();
        var e = await Assert.ThrowsAsync<InputTooLargeException>(() => LocalResultsFile.CopyAsync(source, target, Cap, "stdin"));
        Assert.StartsWith("line 3 of stdin runs past 3 MB with no newline", e.Message);
        Assert.InRange(source.BytesRead, Cap, Cap + (1 << 20));
        Assert.True(target.Length <= Cap);
    }

    // ---- create: the requests file ------------------------------------------------------------------------------

    [Fact]
    public async Task A_requests_file_over_the_body_limit_is_refused_by_its_size_before_any_byte_is_read()
    {
        using var dir = new TempDir();
        string file = dir["huge.jsonl"];
        using (var f = new FileStream(file, FileMode.CreateNew)) f.SetLength(300L << 20); // sparse: nothing on disk
        var e = await Assert.ThrowsAsync<InputTooLargeException>(() => CheckedRequests.CheckFileAsync(file));
        Assert.Equal("the requests file is 300 MB, over the 256 MB limit: a batch holds at most that much; split the requests into smaller batches", e.Message);
    }

    [Fact]
    public async Task A_requests_stream_with_no_end_is_refused_at_the_body_limit_while_reading()
    {
        if (OperatingSystem.IsWindows()) return;
        var limits = new BatchLimits(MaxBodyBytes: 2 << 20);
        using var fifo = Fifo.Endless();
        var e = await Assert.ThrowsAsync<InputTooLargeException>(() => CheckedRequests.CheckFileAsync(fifo.Path, limits));
        Assert.Equal("the requests file is over the 2 MB limit (reading stopped there): a batch holds at most that much; split the requests into smaller batches", e.Message);
        fifo.WaitForWriter();
        Assert.True(fifo.ReaderLeft);
        Assert.InRange(fifo.Written, 2 << 20, (2 << 20) + (4 << 20));
    }

    [Fact]
    public async Task A_requests_file_just_under_the_limit_reads_whole()
    {
        using var dir = new TempDir();
        string line = """{"custom_id":"q1","params":{"model":"claude-sonnet-4-6","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}}""" + "\n";
        File.WriteAllText(dir["r.jsonl"], line);
        CheckedRequests ok = await CheckedRequests.CheckFileAsync(dir["r.jsonl"], new BatchLimits(MaxBodyBytes: Encoding.UTF8.GetByteCount(line)));
        Assert.Single(ok.Items);
        await Assert.ThrowsAsync<IOException>(() => CheckedRequests.CheckFileAsync(dir.Path));
    }

    // ---- the config file ----------------------------------------------------------------------------------------

    [Fact]
    public void A_config_file_with_no_end_is_refused_at_the_config_cap_while_reading()
    {
        if (OperatingSystem.IsWindows()) return;
        using var fifo = Fifo.Endless((byte)' ');
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", fifo.Path], NoEnv));
        Assert.Equal($"config file {fifo.Path} is over the 1 MB limit (reading stopped there)", e.Message);
        fifo.WaitForWriter();
        Assert.InRange(fifo.Written, ConfigLoader.MaxFileBytes, ConfigLoader.MaxFileBytes + (4 << 20));
    }

    [Fact]
    public void A_config_file_over_the_cap_or_a_directory_is_refused_with_its_own_message()
    {
        using var dir = new TempDir();
        string big = dir["config.json"];
        using (var f = new FileStream(big, FileMode.CreateNew)) f.SetLength(5L << 20);
        var tooBig = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", big], NoEnv));
        Assert.Equal($"config file {big} is 5 MB, over the 1 MB limit", tooBig.Message);
        var isDir = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", dir.Path], NoEnv));
        Assert.Equal($"config file {dir.Path} (from --config) is a directory", isDir.Message);
        // An ordinary config still loads from the same place.
        File.Delete(big);
        File.WriteAllText(big, """{ "pageSize": 7 }""");
        Assert.Equal(7, ConfigLoader.Load(["--config", big], NoEnv).Options.PageSize);
    }

    /// <summary>A stream that never ends: a prefix, then one byte for ever; counts what was read.</summary>
    private sealed class EndlessStream(byte[] prefix, byte thenByte) : Stream
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = BytesRead + i < prefix.Length ? prefix[BytesRead + i] : thenByte;
            BytesRead += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
