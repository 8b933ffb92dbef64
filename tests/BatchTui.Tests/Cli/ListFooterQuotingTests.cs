using BatchTui.Cli;
using BatchTui.Core.Api;
using System.Diagnostics;

namespace BatchTui.Tests.Cli;

/// <summary>The list footer's "next page" command is pasted into a shell: a server-sent id must stay one literal word.</summary>
public sealed class ListFooterQuotingTests
{
    private static MessageBatch Batch(string id) => new(id, BatchStatus.Ended, new RequestCounts(0, 1, 0, 0, 0),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, null, null, "{}");

    private static string Footer(string id, PageRequest asked)
    {
        var to = new StringWriter();
        ListCommand.WriteTable(to, new BatchPage([Batch(id)], id, id, HasMore: true), asked);
        return to.ToString().TrimEnd().Split('\n')[^1];
    }

    /// <summary>What a POSIX shell makes of the footer's argument: the words after "--after"/"--before".</summary>
    private static string[] ShellWords(string commandLine, string flag)
    {
        string args = commandLine[(commandLine.IndexOf(flag, StringComparison.Ordinal) + flag.Length)..];
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"for w in {args}; do printf '<%s>' \"$w\"; done");
        psi.Environment["PWNED"] = "ran";
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Trim('<', '>').Split("><");
    }

    [Theory]
    [InlineData("msgbatch_$(echo $PWNED)")]
    [InlineData("msgbatch_`echo $PWNED`")]
    [InlineData("msgbatch_a; echo $PWNED")]
    [InlineData("it's \"quoted\" \\ $PWNED")]
    [InlineData("a b*")]
    public void An_odd_id_in_the_footer_is_one_literal_shell_word(string id)
    {
        string older = Footer(id, new PageRequest(20, null, null));
        Assert.StartsWith("1 batch; older: batchtui list --after '", older);
        Assert.Equal([id], ShellWords(older, "--after"));

        string newer = Footer(id, new PageRequest(20, "x", null));
        Assert.Equal([id], ShellWords(newer, "--before"));
    }

    [Fact]
    public void A_plain_id_is_printed_as_is() =>
        Assert.Equal("1 batch; older: batchtui list --after msgbatch_01Abc", Footer("msgbatch_01Abc", new PageRequest(20, null, null)));
}
