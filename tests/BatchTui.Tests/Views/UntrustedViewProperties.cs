using BatchTui.Core.Api;
using BatchTui.Core.Text;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tests.Support.Hostile;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Results;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Text.Json;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Text;

namespace BatchTui.Tests.Views;

/// <summary>
/// Property tests over the renderers and the real views: random hostile Unicode (all planes, controls, lone
/// surrogates in JSON escapes, ZWJ, RTL, combining marks) at random sizes never throws, and the screen holds no
/// control character and no line wider than the terminal.
/// </summary>
[Collection("Results UI")]
public sealed class UntrustedViewProperties
{
    public const int WidthIterations = 10_000;
    public const int RendererIterations = 3_000;
    public const int ResultsScreens = 40;
    public const int ListScreens = 25;

    [Fact]
    public void Our_widths_agree_with_where_Terminal_Gui_puts_cells() =>
        HostileText.String().Sample(s =>
        {
            string t = UntrustedText.ForTerminal(s);
            Assert.Equal(t.GetColumns(), TextWidth.Of(t));
        }, iter: WidthIterations, threads: 1);

    private static readonly Gen<MessageBatch> HostileBatch =
        Gen.Select(HostileText.String(10), HostileText.String(6), Gen.Long[0, 1_000_000].Array[5], Gen.Int[-100_000, 100_000], Gen.Bool)
            .Select((id, url, counts, minutes, ended) =>
            {
                var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                return new MessageBatch(id, ended ? BatchStatus.Ended : BatchStatus.InProgress, new RequestCounts(counts[0], counts[1], counts[2], counts[3], counts[4]),
                    created, created.AddDays(1), ended ? created.AddMinutes(Math.Abs(minutes)) : null, null, null, url,
                    "{\"id\":" + HostileText.JsonLiteral(id) + ",\"results_url\":" + HostileText.JsonLiteral(url) + "}");
            });

    [Fact]
    public void Batch_row_and_detail_renderers_make_inert_lines_at_any_width() =>
        Gen.Select(HostileBatch, Gen.Int[0, 200], Gen.Bool).Sample((b, width, compact) =>
        {
            var now = new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);
            var row = new BatchRowRenderer(width);
            foreach (StyledLine line in (StyledLine[])[row.Header(), row.Row(b, now, true), row.Row(b, now, false),
                         .. BatchDetailRenderer.Lines(b, now, TimeZoneInfo.Utc, width, compact), .. RawJsonPaneLines(b)])
                Assert.True(UntrustedText.IsInert(line.Text), line.Text);
            Assert.True(TextWidth.Of(BatchRowRenderer.ShortId(b.Id, Math.Max(3, width))) <= Math.Max(3, width));
        }, iter: RendererIterations, threads: 1);

    private static IReadOnlyList<StyledLine> RawJsonPaneLines(MessageBatch b) => RawJsonPane.Lines(b.RawJson);

    private static T Sample<T>(Gen<T> gen, ulong seed) => gen.Generate(new PCG((uint)seed), null, out _);

    private static string Line(string id, string text, string stop, string block) =>
        "{\"custom_id\":" + HostileText.JsonLiteral(id) + ",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"m\",\"model\":\"claude\",\"content\":[" +
        "{\"type\":\"text\",\"text\":" + HostileText.JsonLiteral(text) + "}," + block + "],\"stop_reason\":" + HostileText.JsonLiteral(stop) +
        ",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}}}";

    [Fact]
    public void The_results_browser_draws_any_text_at_any_size()
    {
        Gen<(string, string, string, string, int, int)> gen = Gen.Select(HostileText.String(8), HostileText.String(40), HostileText.String(4),
            HostileText.String(12), Gen.Int[12, 160], Gen.Int[8, 45]);
        for (ulong i = 0; i < ResultsScreens; i++)
        {
            (string id, string text, string stop, string other, int cols, int rows) = Sample(gen, 0xB1A5 + i * 7919);
            using var dir = new TempFolder();
            string path = ResultsFixtures.Write(dir.Path,
                Line(id, text, stop, "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":" + HostileText.JsonLiteral(other) + ",\"input\":{" + HostileText.JsonLiteral(other) + ":" + HostileText.JsonLiteral(text) + "}}"),
                Line(other, other + "\n" + text, id, "{\"type\":\"thinking\",\"thinking\":" + HostileText.JsonLiteral(text) + "}"),
                "{\"custom_id\":" + HostileText.JsonLiteral(stop) + ",\"result\":{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":{\"type\":" +
                HostileText.JsonLiteral(id) + ",\"message\":" + HostileText.JsonLiteral(text) + "}}}}");
            // open FILE: the app's shell around the browser; the driver waits for the indexing (the shell's work).
            using var h = TuiDriver.Open(path, cols, rows);
            var pane = (ResultsPane)h.Shell.Top!;
            Assert.True(pane.Ready.IsCompleted, "indexed");
            string what = $"sample {i}: {cols}x{rows}";
            Check(h, cols, what);
            foreach (Key[] keys in (Key[][])[[Key.Tab], [Key.E.WithShift], [Key.J], [Key.J], [Key.V], [Key.V, Key.Tab, Key.Tab, Key.J], [Key.Tab, Key.J, Key.J]])
            {
                h.Press([.. keys.Cast<object>()]);
                Check(h, cols, what);
            }
        }
    }

    private static void Check(TuiDriver h, int cols, string what)
    {
        string[] lines = h.Lines();
        foreach (string line in lines)
        {
            Assert.True(UntrustedText.IsInert(line), $"{what}: control character on screen:\n{string.Join('\n', lines)}");
            Assert.True(TextWidth.Of(line) <= cols, $"{what}: line wider than {cols}:\n{line}");
        }
    }

    [Fact]
    public void The_batch_list_and_detail_draw_any_ids_at_any_size()
    {
        Gen<(MessageBatch[], int, int)> gen = Gen.Select(HostileBatch.Array[1, 8], Gen.Int[20, 160], Gen.Int[10, 45]);
        for (ulong i = 0; i < ListScreens; i++)
        {
            (MessageBatch[] batches, int cols, int rows) = Sample(gen, 0x11D5 + i * 104729);
            // Ids must be unique for the list to select them.
            batches = batches.Select((b, n) => b with { Id = b.Id + "#" + n.ToString(CultureInfo.InvariantCulture) }).ToArray();
            using var t = TuiDriver.Start(new PageApi(batches), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero)), cols, rows);
            foreach (string keys in (string[])["", "j", "j", "G", "v"])
            {
                if (keys.Length > 0) t.Press(keys);
                // Screen() also checks that drawing over the last frame equals a full redraw (the ShownRow fast path).
                string[] lines = t.Lines();
                foreach (string line in lines)
                {
                    Assert.True(UntrustedText.IsInert(line), $"sample {i} {cols}x{rows}: control character:\n{string.Join('\n', lines)}");
                    Assert.True(TextWidth.Of(line) <= cols, $"sample {i}: line wider than {cols}:\n{line}");
                }
            }
        }
    }

    /// <summary>A server that lists these batches (as a hostile one could), in memory.</summary>
    private sealed class PageApi(IReadOnlyList<MessageBatch> batches) : IBatchesApi
    {
        public Uri BaseUrl { get; } = new("http://127.0.0.1:9/");
        public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default) =>
            Task.FromResult(new BatchPage(batches, batches[0].Id, batches[^1].Id, HasMore: false));
        public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) =>
            Task.FromResult(batches.FirstOrDefault(b => b.Id == batchId) ?? throw new BatchApiException(404, "not_found_error", "no such batch", null));
        public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default) => throw new BatchApiException(500, "api_error", "read-only", null);
        public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) => throw new BatchApiException(500, "api_error", "read-only", null);
        public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) => throw new BatchApiException(500, "api_error", "read-only", null);
        public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default) => throw new BatchApiException(500, "api_error", "no results", null);
        public IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default) => throw new BatchApiException(500, "api_error", "no results", null);
    }
}
