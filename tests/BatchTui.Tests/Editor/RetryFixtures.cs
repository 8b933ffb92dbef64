using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using System.Text.Json;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Editor;

/// <summary>What the retry-failed tests share: the panes wired as TuiCommand wires them, and readers of the truth.</summary>
internal static class RetryFixtures
{
    /// <summary>The results browser with R wired to the editor, and the editor on n, as in TuiCommand.</summary>
    public static PaneFactories Wired(EditorStores stores, ResultsStore cache) => new(
        Results: (shell, api, batch, created) => ResultsPane.ForBatch(shell, api, batch, cache,
            retryFailed: (id, failed) => RetryFailed.Open(shell, api, stores, id, failed, created)),
        Editor: (shell, api, created) => RequestEditorPane.Create(shell, api, stores, onSubmitted: created));

    /// <summary>custom_id and result type of every result of a batch, from the API.</summary>
    public static async Task<List<(string Id, string Type)>> ResultTypes(IBatchesApi api, string batchId)
    {
        var rows = new List<(string, string)>();
        await foreach (ReadOnlyMemory<byte> line in api.ResultLinesAsync(batchId))
        {
            using var doc = JsonDocument.Parse(line);
            rows.Add((doc.RootElement.GetProperty("custom_id").GetString()!, doc.RootElement.GetProperty("result").GetProperty("type").GetString()!));
        }
        return rows;
    }

    /// <summary>Enter on the selected (ended) batch, then waits until its results are fully indexed.</summary>
    public static ResultsPane OpenResults(TuiDriver t)
    {
        t.Press(Key.Enter);
        var results = Assert.IsType<ResultsPane>(t.Shell.Top);
        t.Until(() => results.Ready.IsCompleted && results.Model?.Index.IsComplete == true, "results indexed");
        return results;
    }

    /// <summary>The custom_ids in the raw editor, one JSONL line each.</summary>
    public static List<string> CustomIds(RequestEditorPane editor) => editor.Raw.Text.Value
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()!).ToList();
}
