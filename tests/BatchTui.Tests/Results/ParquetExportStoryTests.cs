using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Results;

/// <summary>
/// A new user in the real app at 80x24: a batch ends, its results open, <c>t</c> filters to the errored ones, and
/// <c>w</c> to a <c>.parquet</c> name writes exactly those rows, with the batch id, as Parquet.
/// </summary>
public sealed class ParquetExportStoryTests
{
    [Fact]
    public async Task W_to_a_parquet_name_writes_the_current_filter_as_parquet()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        var cache = new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time);
        var factories = new PaneFactories(Results: (shell, api, batch, _) => ResultsPane.ForBatch(shell, api, batch, cache));
        MessageBatch created = await w.CreateBatchAsync(60);
        w.Time.Advance(TimeSpan.FromMinutes(11));
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: factories);
        MessageBatch batch = await w.Api.GetAsync(created.Id);
        Assert.True(batch.IsEnded && batch.Counts.Errored > 0);

        t.ExpectSelected(batch.Id).Press(Key.Enter);
        var results = Assert.IsType<ResultsPane>(t.Shell.Top);
        t.Until(() => results.Ready.IsCompleted && results.Model?.Index.IsComplete == true, "results indexed");
        t.Press("t", "t").Until(() => results.Model!.View.Count == batch.Counts.Errored, "the errored filter");
        string target = Path.Combine(dir.Path, "errored.parquet");
        t.Press("w").ExpectLine($"{batch.Id[^10..]}-export.jsonl"); // the prompt, on the default name (its end: the line scrolls at 80 columns)
        t.Press(Key.U.WithCtrl).Type(target).Press(Key.Enter)
         .Until(() => t.Shell.LastFlash?.Text.StartsWith("exported", StringComparison.Ordinal) == true, "the export");

        string rows = batch.Counts.Errored == 1 ? "1 row" : $"{batch.Counts.Errored:N0} rows";
        Assert.Equal($"exported {rows} to {target}", t.Shell.LastFlash!.Text);
        Assert.Equal(Enumerable.Repeat("errored", (int)batch.Counts.Errored), await ParquetFile.Strings(target, "result_type"));
        Assert.All(await ParquetFile.Strings(target, "batch_id"), id => Assert.Equal(batch.Id, id));
        Assert.All(await ParquetFile.Strings(target, "error_message"), m => Assert.False(string.IsNullOrEmpty(m)));
    }
}
