using BatchTui.Core.Results.Blocks;
using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using BatchTui.Tests.Support.Hostile;
using CsCheck;
using System.Globalization;
using System.Text;

namespace BatchTui.Core.Tests.Text;

/// <summary>Property tests: random hostile Unicode through the sanitiser, the width functions and every block renderer.</summary>
public class UntrustedTextProperties
{
    public const int Iterations = 10_000;
    public const int RendererIterations = 3_000;

    private static List<string> Clusters(string s)
    {
        var list = new List<string>();
        for (int at = 0; at < s.Length;)
        {
            int n = StringInfo.GetNextTextElementLength(s.AsSpan(at));
            list.Add(s.Substring(at, n));
            at += n;
        }
        return list;
    }

    [Fact]
    public void Sanitised_lines_are_inert_idempotent_and_every_cluster_takes_a_cell() =>
        HostileText.String().Sample(s =>
        {
            string t = UntrustedText.ForTerminal(s);
            Assert.True(UntrustedText.IsInert(t), $"not inert: {Escape(t)}");
            Assert.DoesNotContain('\n', t);
            Assert.Equal(t, UntrustedText.ForTerminal(t));
            List<string> clusters = Clusters(t);
            Assert.All(clusters, g => Assert.InRange(TextWidth.OfCluster(g), 1, 2));
            Assert.Equal(clusters.Sum(g => TextWidth.OfCluster(g)), TextWidth.Of(t));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Sanitised_text_keeps_only_line_breaks_and_files_only_line_breaks_and_tabs() =>
        HostileText.String().Sample(s =>
        {
            string lines = UntrustedText.ForTerminalLines(s);
            Assert.True(UntrustedText.IsInert(lines, allowNewlines: true));
            Assert.DoesNotContain('\t', lines);
            Assert.DoesNotContain('\r', lines);
            Assert.Equal(lines, UntrustedText.ForTerminalLines(lines));
            string file = UntrustedText.ForFile(s);
            Assert.True(UntrustedText.IsInert(file, allowNewlines: true));
            Assert.DoesNotContain('\r', file);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Cutting_and_fitting_respect_the_width_and_never_split_a_cluster() =>
        Gen.Select(HostileText.String(), Gen.Int[0, 40]).Sample((s, w) =>
        {
            string t = UntrustedText.ForTerminal(s);
            string cut = TextWidth.Cut(t, w);
            Assert.StartsWith(cut, t, StringComparison.Ordinal);
            Assert.True(TextWidth.Of(cut) <= w);
            Assert.Equal(Clusters(t), [.. Clusters(cut), .. Clusters(t[cut.Length..])]);
            string tail = TextWidth.Tail(t, w);
            Assert.EndsWith(tail, t, StringComparison.Ordinal);
            Assert.True(TextWidth.Of(tail) <= w);
            if (w > 0) Assert.Equal(w, TextWidth.Of(TextWidth.Fit(t, w)));
            Assert.True(TextWidth.Of(TextWidth.Skip(t, w)) <= Math.Max(0, TextWidth.Of(t) - w) + 1);
        }, iter: Iterations, threads: 1);

    // Field names the renderers read, so random blocks reach their code paths.
    private static readonly string[] Fields =
    [
        "type", "text", "citations", "thinking", "signature", "data", "id", "name", "input", "tool_use_id", "content",
        "error_code", "error_message", "url", "title", "page_age", "encrypted_content", "retrieved_at", "source", "stdout",
        "stderr", "return_code", "file_id", "server_name", "is_error", "caller", "tool_id", "cited_text", "document_index",
        "document_title", "start_char_index", "end_char_index", "command", "file_type", "lines", "tool_references",
        "tool_name", "old_start", "new_lines", "is_file_update", "media_type",
    ];

    private static Gen<string> Value(int depth) => depth <= 0
        ? Gen.Frequency((5, HostileText.String(8).Select(HostileText.JsonLiteral)), (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.OneOf("true", "false", "null", "1e400", "-0", "[]", "{}")))
        : Gen.Frequency((4, Value(0)), (1, Obj(depth - 1)), (1, Value(depth - 1).Array[0, 4].Select(a => "[" + string.Join(",", a) + "]")));

    private static Gen<string> Obj(int depth) =>
        Gen.Select(Gen.OneOf(Fields).Array[0, 8], Value(depth).Array[8])
            .Select((keys, values) => "{" + string.Join(",", keys.Distinct().Select((k, i) => $"\"{k}\":{values[i]}")) + "}");

    private static readonly Gen<string> Block =
        Gen.Select(Gen.OneOf([.. BlockRenderers.Default.KnownTypes, "x_unknown"]), Obj(2))
            .Select((type, obj) => obj == "{}" ? $"{{\"type\":\"{type}\"}}" : $"{{\"type\":\"{type}\",{obj[1..]}");

    [Fact]
    public void Every_block_renderer_takes_any_block_and_every_label_sanitises_to_inert_text() =>
        Gen.Select(Block.Array[1, 4], HostileText.String(6), HostileText.String(6)).Sample((blocks, id, stop) =>
        {
            string line = "{\"custom_id\":" + HostileText.JsonLiteral(id) + ",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"m\",\"model\":" +
                          HostileText.JsonLiteral(stop) + ",\"stop_reason\":" + HostileText.JsonLiteral(stop) + ",\"content\":[" + string.Join(",", blocks) + "]}}}";
            ResultDetail d = ResultDetail.Parse(Encoding.UTF8.GetBytes(line));
            Walk(d.Nodes, 0);
            Assert.True(UntrustedText.IsInert(UntrustedText.ForTerminalLines(d.PrettyJson), allowNewlines: true));
        }, iter: RendererIterations, threads: 1);

    [Fact]
    public void Errored_and_odd_results_render_too() =>
        Gen.Select(HostileText.String(), HostileText.String(), Gen.OneOf("errored", "canceled", "expired", "x", "succeeded")).Sample((type, message, kind) =>
        {
            string line = "{\"custom_id\":\"e\",\"result\":{\"type\":\"" + kind + "\",\"error\":{\"type\":\"error\",\"error\":{\"type\":" +
                          HostileText.JsonLiteral(type) + ",\"message\":" + HostileText.JsonLiteral(message) + "}},\"message\":" + HostileText.JsonLiteral(message) + "}}";
            Walk(ResultDetail.Parse(Encoding.UTF8.GetBytes(line)).Nodes, 0);
        }, iter: RendererIterations, threads: 1);

    private static void Walk(IReadOnlyList<ResultNode> nodes, int depth)
    {
        if (depth > 8) return;
        foreach (ResultNode n in nodes)
        {
            Assert.True(UntrustedText.IsInert(UntrustedText.ForTerminal(n.Label)));
            Assert.True(UntrustedText.IsInert(UntrustedText.ForTerminalLines(n.Detail ?? ""), allowNewlines: true));
            Assert.True(UntrustedText.IsInert(UntrustedText.ForFile(n.CopyText), allowNewlines: true));
            _ = n.RawJson;
            Walk(n.Children, depth + 1);
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));
}
