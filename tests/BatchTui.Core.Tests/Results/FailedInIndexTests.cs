using BatchTui.Core.Results.Index;
using BatchTui.Core.State;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

public class FailedInIndexTests
{
    [Fact]
    public async Task The_failed_custom_ids_of_an_index_are_those_the_line_reader_finds_in_file_order()
    {
        using var dir = new TempDir();
        string[] lines =
        [
            Valid(Expired("b-1")), Valid(Succeeded("b-2", ResultLines.Text("ok"))), Valid(Errored("b-3", "overloaded_error")),
            "not json", Valid(Canceled("b-4")), Valid(Succeeded("b-5", ResultLines.Text("ok"))),
        ];
        string path = WriteFile(dir, lines);
        using var index = ResultsIndex.Build(path);

        Assert.Equal(["b-1", "b-3", "b-4"], FailedResults.InIndex(index));
        Assert.Equal(await FailedResults.CollectAsync(Lines(lines)), FailedResults.InIndex(index));
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Lines(string[] lines)
    {
        foreach (string l in lines) yield return System.Text.Encoding.UTF8.GetBytes(l);
        await Task.CompletedTask;
    }
}
