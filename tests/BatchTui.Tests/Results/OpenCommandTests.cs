using BatchTui.Cli;
using static BatchTui.Tests.Results.ResultsFixtures;

namespace BatchTui.Tests.Results;

[Collection("Results UI")]
public class OpenCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        TextWriter stdout = Console.Out, stderr = Console.Error;
        var o = new StringWriter();
        var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = await CommandRouter.RunAsync(args);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task Summary_prints_counts_tokens_and_each_unparseable_line()
    {
        using var dir = new TempFolder();
        string path = Write(dir.Path, Succeeded("a", Text("x"), input: 5, output: 7), Errored("b", "api_error", "boom"), "{\"custom_id\":\"c\",");
        var (code, stdout, _) = await Run("open", path, "--summary");
        Assert.Equal(3, code); // unparseable lines: a non-zero exit for scripts
        Assert.Equal(
            "3 results: 1 succeeded · 1 errored · 1 unparseable\n" +
            "tokens in 5 · out 7 · cache read 0 · cache write 0\n" +
            "stop: end_turn 1\n" +
            "errors: api_error 1\n" +
            "line 3: unparseable — unexpected end of data after 17 bytes (truncated line)\n", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Missing_file_and_bad_usage_are_clear_errors()
    {
        var (code, _, err) = await Run("open", "/no/such/file.jsonl");
        Assert.Equal(1, code);
        Assert.Equal("batchtui open: no such file: /no/such/file.jsonl\n", err.Replace("\r\n", "\n"));
        (code, _, err) = await Run("open");
        Assert.Equal(2, code);
        Assert.StartsWith("usage: batchtui open FILE.jsonl", err);
    }
}
