using BatchTui.Cli;
using BatchTui.Core.Api;
using BatchTui.Core.Text;
using System.Text.Json;
using static BatchTui.Tests.Results.ResultsFixtures;

namespace BatchTui.Tests.Cli;

/// <summary>What the server or a file says reaches stdout as text, never as escape sequences.</summary>
[Collection("Results UI")]
public sealed class UntrustedCliOutputTests
{
    private static MessageBatch Batch(string id, string rawStatus) => new(id, BatchStatus.Unknown, new RequestCounts(1, 2, 3, 4, 5),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), null, null, null, null,
        "{\"id\":" + JsonSerializer.Serialize(id) + ",\"processing_status\":" + JsonSerializer.Serialize(rawStatus) + "}");

    [Fact]
    public void List_prints_ids_and_statuses_with_escape_sequences_as_visible_text()
    {
        var page = new BatchPage(
        [
            Batch("msgbatch_\u001b[2J\u001b]0;pwned\u0007", "in\u009b6n_progress"),
            Batch("msgbatch_\U0001F389日本", "ended\u007f"),
        ], "msgbatch_\u001b[2J", "msgbatch_\u001b]52;c;ZXZpbA==\u0007", HasMore: true);
        var o = new StringWriter();
        ListCommand.WriteTable(o, page, new PageRequest());
        string text = o.ToString();
        Assert.True(UntrustedText.IsInert(text, allowNewlines: true), text);
        Assert.Contains("msgbatch_\u241b[2J\u241b]0;pwned\u2407", text);
        Assert.Contains("in\\x9B6n_progress", text);
        Assert.Contains("ended\u2421", text);
        Assert.EndsWith("older: batchtui list --after 'msgbatch_\u241b]52;c;ZXZpbA==\u2407'", text.TrimEnd());
        // Columns line up by display width: the emoji and CJK id is as wide as its padding says.
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int status = TextWidth.Of(lines[0][..lines[0].IndexOf("STATUS", StringComparison.Ordinal)]);
        Assert.Equal(status, TextWidth.Of(lines[2][..lines[2].IndexOf("ended", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Open_summary_prints_stop_reasons_error_types_and_problems_as_visible_text()
    {
        using var dir = new Results.TempFolder();
        string path = Write(dir.Path,
            Succeeded("a", Text("x"), stop: "end\\u001b]0;title\\u0007_turn"),
            Errored("b", "api\\u009b6n_error", "boom"),
            "{\"custom_id\":\"c\u001b[2J\",");
        TextWriter stdout = Console.Out, stderr = Console.Error;
        var o = new StringWriter();
        var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        int code;
        try
        {
            code = await CommandRouter.RunAsync(["open", path, "--summary"]);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
        Assert.Equal(3, code);
        string text = o.ToString();
        Assert.True(UntrustedText.IsInert(text, allowNewlines: true), text);
        Assert.Contains("stop: end\u241b]0;title\u2407_turn 1", text);
        Assert.Contains("errors: api\\x9B6n_error 1", text);
    }

    [Fact]
    public void Json_output_escapes_control_characters_and_stays_valid_json()
    {
        var page = new BatchPage([Batch("msgbatch_\u001b[2J\u009b\u007f\u202e", "ended")], "a", "b", HasMore: false);
        string json = ListCommand.PageJson(page);
        Assert.True(UntrustedText.IsInert(json, allowNewlines: true));
        Assert.DoesNotContain('\u202e', json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("msgbatch_\u001b[2J\u009b\u007f\u202e", doc.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }
}
