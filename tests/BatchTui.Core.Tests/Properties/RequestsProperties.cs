using BatchTui.Core.Requests;
using CsCheck;
using System.Text;
using Xunit.Abstractions;

namespace BatchTui.Core.Tests.Properties;

/// <summary>
/// Random byte mutations of requests files (JSONL, the create body, a bare array) through the parser, the validator
/// and the pre-submit check; random templates and inputs (any UTF-16, half surrogate pairs included) through the
/// template expander. Nothing throws; in JSONL every non-blank line is a request or an error at its line.
/// </summary>
public sealed class RequestsProperties(ITestOutputHelper output)
{
    public const int FileIterations = 1000, TemplateIterations = 800;

    private static readonly string[] Requests =
    [
        """{"custom_id":"req-1","params":{"model":"claude-sonnet-4-6","max_tokens":1024,"messages":[{"role":"user","content":"Great news 🎉 👩‍💻 🏳️‍🌈 — تمت معالجة طلبك \u202Efdp.exe"}]}}""",
        """{"custom_id":"req_2","params":{"model":"claude-opus-4-8","max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048},"system":"数据已成功导入 \u001b[2J","messages":[{"role":"user","content":[{"type":"text","text":"Z̷̢a̵l̶g̸o"}]},{"role":"assistant","content":""}]}}""",
        """{"custom_id":"req-3","params":{"model":"claude-haiku-4-5-20251001","max_tokens":16,"temperature":0.25,"stop_sequences":["###","\n\nHuman:"],"metadata":{"user_id":"u-7"},"tools":[{"name":"get_weather","description":"Weather 🌧️","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}},{"type":"web_search_20250305","name":"web_search"}],"messages":[{"role":"user","content":"ההזמנה שלך נשלחה"}]}}""",
        """{"custom_id":"req-4","params":{"model":"claude-sonnet-4-6","max_tokens":99999999999999999999,"top_p":1e400,"temperature":-0.0,"messages":[{"role":"user","content":"\ud83c\udf89"}]}}""",
    ];

    private static readonly Gen<(int Format, (int, Mutation[])[] Lines)> FileGen =
        Gen.Select(Gen.Int[0, 2], Gen.Select(Gen.Int[0, Requests.Length - 1], Mutation.Script).Array[1, 8]);

    [Fact]
    public void Mutated_requests_files_parse_and_validate_without_throwing_and_every_line_is_accounted_for()
    {
        int entries = 0, errors = 0, messages = 0;
        FileGen.Sample((format, lines) =>
        {
            byte[] text = Build(format, lines);
            ParsedRequests parsed = RequestsParser.Parse(text);
            entries += parsed.Entries.Count;
            errors += parsed.Errors.Count;
            int lineCount = Encoding.UTF8.GetString(text).Split('\n').Length;
            Assert.All(parsed.Entries, e => Assert.InRange(e.Line ?? 1, 1, lineCount));
            Assert.All(parsed.Errors, e => Assert.InRange(e.Line, 1, lineCount));
            if (parsed.Format == RequestsFormat.Jsonl)
            {
                var nonBlank = SplitLines(text).Select((l, i) => (l, i)).Where(x => x.l.AsSpan().IndexOfAnyExcept(" \t\r"u8) >= 0).Select(x => x.i + 1).ToList();
                var seen = parsed.Entries.Select(e => e.Line!.Value).Concat(parsed.Errors.Select(e => e.Line)).Order().ToList();
                Assert.Equal(nonBlank, seen);
            }

            ValidationReport report = RequestValidator.Validate(parsed.Entries, text.Length);
            messages += report.Messages.Count;
            _ = report.Messages.Select(m => m.Text).ToList();
            var check = CheckedRequests.Check(parsed);
            _ = check.MessageLines.ToList();
            if (check.CanSubmit) Assert.True(check.ToCreateRequest().Requests.Count > 0);
        }, iter: Runs.Of(FileIterations), threads: 1, print: t => $"format {t.Item1}: {Mutation.Show(Build(t.Item1, t.Item2))}");
        output.WriteLine($"{Runs.Of(FileIterations)} files: {entries} requests, {errors} syntax errors, {messages} validation messages");
    }

    /// <summary>Any UTF-16 at all: every plane, controls, and surrogates alone or reversed.</summary>
    private static readonly Gen<string> AnyText = Gen.Frequency(
        (4, Gen.Char.Array[0, 24].Select(a => new string(a))),
        (2, Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 8].Select(a => string.Concat(a.Select(char.ConvertFromUtf32)))),
        (2, Gen.OneOf<string>("", "{input}", "row-{n}", "case-{n:0000}", "{n}", "{n:x}", "{", "}", "\ud83d", "\udc00\ud83d", "1024", "1,024", "-5",
            "99999999999999999999", "0.7", "NaN", "1e400", "enabled", "adaptive", "[]", "{}", "[{\"name\":\"t\",\"input_schema\":{}}]",
            "{\"user_id\":\"\\ud83d\"}", "[{\"name\":\"\\udc00\"}]", "\u001b[2J", "\u202E", "🎉👩‍💻", "a\nb\r\n\nc")));

    [Fact]
    public void Random_templates_and_inputs_expand_and_validate_without_throwing()
    {
        int expanded = 0, refused = 0;
        var gen = Gen.Select(AnyText.Array[10, 10], AnyText.Array[0, 5]);
        gen.Sample((f, inputs) =>
        {
            var template = new RequestTemplate
            {
                Model = f[0],
                MaxTokens = f[1],
                System = f[2],
                UserMessage = f[3],
                Temperature = f[4],
                ThinkingType = f[5],
                ThinkingBudget = f[6],
                ToolsJson = f[7],
                StopSequences = f[8],
                MetadataJson = f[9],
                CustomIdPattern = inputs.Length % 2 == 0 ? "row-{n}" : f[0],
            };
            var expansion = TemplateExpander.Expand(template, inputs);
            _ = expansion.Errors.Select(e => e.Text).ToList();
            if (expansion.HasErrors) { refused++; return; }
            expanded++;
            Assert.Equal(Math.Max(1, inputs.Length), expansion.Items.Count);
            var check = CheckedRequests.Check(expansion.Items);
            _ = check.MessageLines.ToList();
            _ = TemplateExpander.InputsFromText(string.Join("\n", inputs));
        }, iter: Runs.Of(TemplateIterations), threads: 1,
        print: t => string.Join(" | ", t.Item1.Concat(t.Item2).Select(s => string.Concat(s.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:x4}" : c.ToString())))));
        output.WriteLine($"{Runs.Of(TemplateIterations)} templates: {expanded} expanded, {refused} refused with a message");
    }

    private static byte[] Build(int format, (int, Mutation[])[] lines)
    {
        var items = lines.Select(l => Mutation.Apply(Encoding.UTF8.GetBytes(Requests[l.Item1]), l.Item2)).ToList();
        var text = new List<byte>();
        if (format == 1) text.AddRange("{\"requests\": [\n"u8.ToArray());
        if (format == 2) text.AddRange("[\n"u8.ToArray());
        for (int i = 0; i < items.Count; i++)
        {
            text.AddRange(items[i]);
            if (format != 0 && i < items.Count - 1) text.Add((byte)',');
            text.Add((byte)'\n');
        }
        if (format == 1) text.AddRange("]}\n"u8.ToArray());
        if (format == 2) text.AddRange("]\n"u8.ToArray());
        return [.. text];
    }

    private static List<byte[]> SplitLines(byte[] file)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i <= file.Length; i++)
        {
            if (i < file.Length && file[i] != (byte)'\n') continue;
            lines.Add(file[start..i]);
            start = i + 1;
        }
        return lines;
    }
}
