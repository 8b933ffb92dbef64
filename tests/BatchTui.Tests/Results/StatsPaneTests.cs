using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using System.Globalization;
using Terminal.Gui.Input;
using static BatchTui.Tests.Editor.RetryFixtures;

namespace BatchTui.Tests.Results;

/// <summary>
/// The stats pane as a user meets it, in the real app against the simulator: a batch ends, Enter opens its results,
/// % opens the stats of the current filter, Enter on a row filters the list to it, Esc goes back.
/// </summary>
public sealed class StatsPaneTests
{
    private const int Requests = 60;

    private sealed class Story : IAsyncDisposable
    {
        private readonly TempFolder _dir = new();
        public World W { get; private set; } = null!;
        public TuiDriver T { get; private set; } = null!;
        public MessageBatch Batch { get; private set; } = null!;
        public List<(string Id, string Type)> Truth { get; private set; } = null!;

        public static async Task<Story> StartAsync(int cols, int rows)
        {
            var s = new Story();
            s.W = await World.StartAsync(seedWorld: false);
            MessageBatch created = await s.W.CreateBatchAsync(Requests);
            s.W.Time.Advance(TimeSpan.FromMinutes(11));
            s.Batch = await s.W.Api.GetAsync(created.Id);
            s.Truth = await ResultTypes(s.W.Api, created.Id);
            var cache = new ResultsStore(Path.Combine(s._dir.Path, "cache"), s.W.Time);
            s.T = TuiDriver.Start(s.W.Api, s.W.Time, cols, rows,
                factories: new PaneFactories(Results: (shell, api, batch, _) => ResultsPane.ForBatch(shell, api, batch, cache)));
            s.T.ExpectSelected(created.Id);
            return s;
        }

        public ResultsPane Results() => OpenResults(T);

        public StatsPane Stats()
        {
            T.Press("%");
            var stats = Assert.IsType<StatsPane>(T.Shell.Top);
            T.Until(() => stats.ContentRead.IsCompleted, "the lines read");
            return stats;
        }

        /// <summary>Moves the selection down until the selected line (marked ▸) holds <paramref name="text"/>.</summary>
        public string SelectRow(string text)
        {
            for (int i = 0; i < 60; i++)
            {
                string? selected = T.Lines().FirstOrDefault(l => l.StartsWith('▸'));
                if (selected is not null && selected.Contains(text, StringComparison.Ordinal)) return selected;
                T.Press("j");
            }
            throw new InvalidOperationException($"no row with {text}:\n{T.Screen()}");
        }

        public async ValueTask DisposeAsync()
        {
            T.Dispose();
            await W.DisposeAsync();
            _dir.Dispose();
        }
    }

    private static string Pct(int n, int of) => (100.0 * n / of).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 35)]
    public async Task Percent_opens_tables_with_counts_percentages_and_bars_and_Enter_filters_the_list(int cols, int rows)
    {
        await using Story s = await Story.StartAsync(cols, rows);
        ResultsPane results = s.Results();
        int succeeded = s.Truth.Count(r => r.Type == "succeeded"), errored = s.Truth.Count(r => r.Type == "errored");
        Assert.True(errored > 0, "the simulator errs on some created requests");

        StatsPane stats = s.Stats();
        s.T.ExpectLine($"stats of {Requests} results · filter all")
           .ExpectLine($"{Requests} results · tokens in")
           .ExpectLine($"result type (of {Requests} results)");
        string[] lines = s.T.Lines();
        string okRow = lines.Single(l => l.Contains(" succeeded ", StringComparison.Ordinal));
        Assert.Contains($" {succeeded} ", okRow);
        Assert.Contains(Pct(succeeded, Requests), okRow);
        Assert.Contains("█", okRow); // the bar, in block glyphs
        Assert.StartsWith("▸", okRow); // the first row is selected
        string errRow = lines.Single(l => l.Contains(" errored ", StringComparison.Ordinal));
        Assert.Contains(Pct(errored, Requests), errRow);

        // Down to the errored row; Enter filters the list to it and goes back.
        s.SelectRow(" errored ");
        s.T.Press(Key.Enter);
        Assert.Same(results, s.T.Shell.Top);
        s.T.ExpectLine($"{errored} of {Requests} match type=errored");
        Assert.Equal(errored, results.Model!.View.Count);
        Assert.All(results.Model.View.Rows, r => Assert.Equal("errored", s.Truth[results.Model.Index[r].LineNumber - 1].Type));
    }

    [Fact]
    public async Task Stats_follow_the_current_filter_and_Esc_goes_back_with_it_kept()
    {
        await using Story s = await Story.StartAsync(120, 35);
        ResultsPane results = s.Results();
        int succeeded = s.Truth.Count(r => r.Type == "succeeded");
        s.T.Press("t"); // type=succeeded
        s.T.ExpectLine($"{succeeded} of {Requests} match type=succeeded");

        s.Stats();
        s.T.ExpectLine($"stats of {succeeded} results · filter type=succeeded")
           .ExpectLine($"result type (of {succeeded} results)")
           .ExpectLine("claude-sonnet-4-6")
           .ExpectNoLine(" errored ");
        // At the bottom, what the read of the lines found, over the same succeeded results.
        s.T.Press(Key.G.WithShift).ExpectLine($"text length in characters (of {succeeded} succeeded)");
        s.T.Press(Key.Esc);
        Assert.Same(results, s.T.Shell.Top);
        s.T.ExpectLine($"{succeeded} of {Requests} match type=succeeded");
    }

    [Fact]
    public async Task A_bucket_and_a_model_without_a_price_narrow_the_filter_further()
    {
        await using Story s = await Story.StartAsync(120, 35);
        ResultsPane results = s.Results();
        s.Stats();
        // The simulator's model has no shipped price: tokens only, never a guessed cost.
        s.T.Press(Key.G.WithShift);
        string bottom = string.Join("\n", s.T.Lines());
        s.T.Press("g");
        string top = string.Join("\n", s.T.Lines());
        Assert.Contains("no price", top + bottom);

        string row = s.SelectRow("claude-sonnet-4-6");
        s.T.Press(Key.Enter);
        Assert.Same(results, s.T.Shell.Top);
        int n = results.Model!.View.Count;
        Assert.Equal(s.Truth.Count(r => r.Type == "succeeded"), n);
        s.T.ExpectLine("match model=claude-sonnet-4-6");

        // Again on a token bucket: the list shows exactly the bucket's count, and the filter keeps the model too.
        s.Stats();
        string bucket = s.SelectRow("–"); // "▸ 100–199   12  20.0% ██▍"
        int count = int.Parse(bucket.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        s.T.Press(Key.Enter);
        Assert.Equal(count, results.Model.View.Count);
        s.T.ExpectLine("model=claude-sonnet-4-6 input tokens=");
    }
}
