using System.Globalization;
using System.Text;

namespace ResultsBench;

/// <summary>
/// A second, independent results file for the index benchmark (issue 17): written as text by hand, not by
/// System.Text.Json and not from <see cref="Generator"/>'s templates, so the indexer is not tuned to one writer's habits.
/// Per line it varies what real files vary: the writer's style (compact as the API writes it; Python's ", " / ": ";
/// ensure_ascii \u escapes with surrogate pairs for emoji; escaped slashes; stray spaces and tabs; a CRLF line end),
/// the key order (custom_id after result, usage before content, …), and the content: text, thinking with a
/// signature, redacted thinking, tool_use with nested input, server tool use with web search and code execution
/// results, citations; errored lines in both error shapes, canceled, expired; mixed scripts (emoji, Arabic and Hebrew
/// right-to-left, CJK, combining marks), code with backslashes and tabs, embedded JSON. Sizes are log-normal around
/// a few KB with a long tail (a line in 400 is 100–400 KB, a few are 1–3 MB), so the line count falls out of the
/// size. Every line is valid JSON (jq reads it all). Deterministic per seed.
/// </summary>
internal static class WildGenerator
{
    private static readonly string[] Words =
    [
        "the", "index", "latency", "request", "buffer", "throughput", "we", "observed", "that", "a", "retry", "cache",
        "tokenizer", "schema", "migration", "is", "not", "idempotent", "because", "of", "ordering", "under", "load",
        "p50", "p99", "median", "regression", "benchmark", "allocation", "the model", "answer", "evidence", "table",
        "column", "vector", "embedding", "prompt", "context window", "deadline", "shard", "replica", "quorum",
    ];

    private static readonly string[] Foreign =
    [
        "café crème", "naïve façade", "Ελληνικά κείμενα", "русский текст", "日本語のテキストです", "中文文本示例", "한국어 문장",
        "مرحبا بالعالم، هذا نص عربي", "שלום עולם, זה טקסט בעברית", "हिन्दी पाठ", "ไทย ข้อความ", "e\u0301 combining", "Z\u0351\u0352algo",
        "🙂", "🚀🔥", "👩‍💻", "🇺🇦", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u200Fmixed \u202Eoverride\u202C text", "tab\there",
    ];

    private static readonly string[] Code =
    [
        "```python\nfor i, row in enumerate(rows):\n\tif row[\"status\"] == 'paid':\n\t\ttotal += row[\"amount\"]\n```",
        "```\nC:\\Users\\dev\\project\\bin\\Release\\net10.0\\app.exe --flag \"quoted arg\"\n```",
        "Regex: `^\\s*(\\d+)\\.(\\d+)\\s*$` matches \"12.5\" but not \"12,5\".",
        "```json\n{\"id\": 7, \"tags\": [\"a\", \"b\"], \"nested\": {\"ok\": true, \"ratio\": 0.25}}\n```",
        "| col | value |\n|-----|-------|\n| a   | 1     |\n| b   | 2     |",
        "```sql\nSELECT name, COUNT(*) FROM t WHERE note LIKE '%\\\\%' GROUP BY name;\n```",
    ];

    private static readonly string[] Models = ["claude-opus-4-6", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001", "claude-3-7-sonnet-20250219"];
    private static readonly string[] Stops = ["end_turn", "end_turn", "end_turn", "max_tokens", "tool_use", "stop_sequence", "pause_turn", "refusal"];
    private static readonly string[] ErrorTypes = ["invalid_request_error", "overloaded_error", "api_error", "not_found_error", "permission_error"];

    private enum Style { Compact, Python, Ascii, Slashes, Loose }

    public static void Write(string path, long minBytes, int seed = 1717)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var rng = new Random(seed);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var sb = new StringBuilder(1 << 16);
        for (int i = 0; file.Position < minBytes; i++)
        {
            sb.Clear();
            var w = new Writer(sb, PickStyle(rng), rng);
            WriteLine(w, rng, i);
            sb.Append(rng.Next(50) == 0 ? "\r\n" : "\n");
            if (rng.Next(2000) == 0) sb.Append('\n'); // the odd blank line
            file.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        }
    }

    private static Style PickStyle(Random rng) => rng.Next(100) switch
    {
        < 60 => Style.Compact,
        < 80 => Style.Python,
        < 90 => Style.Ascii,
        < 95 => Style.Slashes,
        _ => Style.Loose,
    };

    private static void WriteLine(Writer w, Random rng, int i)
    {
        string id = rng.Next(4) switch
        {
            0 => $"req-{i:D7}",
            1 => $"eval/{(char)('a' + rng.Next(26))}{rng.Next(1000)}/{i}",
            2 => $"{Guid.NewGuid():N}"[..12] + $"-{i}",
            _ => $"doc_{i}_chunk_{rng.Next(64)}",
        };
        int kind = rng.Next(1000);
        var members = new List<(string, Action)>
        {
            ("custom_id", () => w.String(id)),
            ("result", () =>
            {
                if (kind < 900) Succeeded(w, rng, i);
                else if (kind < 960) Errored(w, rng);
                else if (kind < 985) w.Object(("type", () => w.String("canceled")));
                else w.Object(("type", () => w.String("expired")));
            }),
        };
        if (rng.Next(3) == 0) members.Reverse(); // result first: allowed, and some tools write it so
        w.Object([.. members]);
    }

    private static void Succeeded(Writer w, Random rng, int i)
    {
        int size = LineSize(rng);
        var blocks = Blocks(w, rng, size);
        var message = new List<(string, Action)>
        {
            ("id", () => w.String($"msg_01{Hex(rng, 22)}")),
            ("type", () => w.String("message")),
            ("role", () => w.String("assistant")),
            ("model", () => w.String(Models[rng.Next(Models.Length)])),
            ("content", () => w.Array(blocks)),
            ("stop_reason", () => w.String(Stops[rng.Next(Stops.Length)])),
            ("stop_sequence", () => { if (rng.Next(10) == 0) w.String("\n\nHuman:"); else w.Raw("null"); }),
            ("usage", () => Usage(w, rng, size)),
        };
        if (rng.Next(4) == 0) (message[4], message[7]) = (message[7], message[4]); // usage before content
        if (rng.Next(8) == 0) message.Insert(rng.Next(message.Count), ("container", () => w.Raw("null")));
        w.Object(("type", () => w.String("succeeded")), ("message", () => w.Object([.. message])));
    }

    private static void Errored(Writer w, Random rng)
    {
        string type = ErrorTypes[rng.Next(ErrorTypes.Length)];
        string message = rng.Next(2) == 0 ? "messages.0.content: Input should be a valid list — got \"str\"" : $"Overloaded 🙁 retry after {rng.Next(1, 60)}s";
        if (rng.Next(3) == 0) // the older shape: the error object directly
            w.Object(("type", () => w.String("errored")), ("error", () => w.Object(("type", () => w.String(type)), ("message", () => w.String(message)))));
        else
            w.Object(("type", () => w.String("errored")), ("error", () => w.Object(
                ("type", () => w.String("error")),
                ("error", () => w.Object(("type", () => w.String(type)), ("message", () => w.String(message)))),
                ("request_id", () => w.String($"req_011C{Hex(rng, 20)}")))));
    }

    private static void Usage(Writer w, Random rng, int size)
    {
        var u = new List<(string, Action)>
        {
            ("input_tokens", () => w.Raw(rng.Next(5, 200_000).ToString(CultureInfo.InvariantCulture))),
            ("cache_creation_input_tokens", () => w.Raw(rng.Next(3) == 0 ? rng.Next(50_000).ToString(CultureInfo.InvariantCulture) : "0")),
            ("cache_read_input_tokens", () => w.Raw(rng.Next(3) == 0 ? rng.Next(90_000).ToString(CultureInfo.InvariantCulture) : "0")),
            ("output_tokens", () => w.Raw((size / 4).ToString(CultureInfo.InvariantCulture))),
        };
        if (rng.Next(2) == 0) u.Add(("cache_creation", () => w.Object(("ephemeral_5m_input_tokens", () => w.Raw("0")), ("ephemeral_1h_input_tokens", () => w.Raw(rng.Next(900).ToString(CultureInfo.InvariantCulture))))));
        if (rng.Next(5) == 0) u.Add(("server_tool_use", () => w.Object(("web_search_requests", () => w.Raw(rng.Next(1, 6).ToString(CultureInfo.InvariantCulture))))));
        u.Add(("service_tier", () => w.String(rng.Next(10) == 0 ? "standard" : "batch")));
        if (rng.Next(3) == 0) Shuffle(rng, u);
        w.Object([.. u]);
    }

    /// <summary>Log-normal around ~3 KB of content; a line in 400 is 100–400 KB and one in 20,000 is 1–3 MB.</summary>
    private static int LineSize(Random rng)
    {
        if (rng.Next(20_000) == 0) return rng.Next(1 << 20, 3 << 20);
        if (rng.Next(400) == 0) return rng.Next(100 << 10, 400 << 10);
        double normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return (int)Math.Clamp(Math.Exp(7.9 + 0.9 * normal), 20, 90_000);
    }

    private static Action[] Blocks(Writer w, Random rng, int size)
    {
        var blocks = new List<Action>();
        int left = size;
        if (rng.Next(3) == 0)
        {
            int n = Math.Min(left / 3, 20_000);
            left -= n;
            if (rng.Next(15) == 0) blocks.Add(() => w.Object(("type", () => w.String("redacted_thinking")), ("data", () => w.String(Base64(rng, n)))));
            else blocks.Add(() => w.Object(("type", () => w.String("thinking")), ("thinking", () => w.String(Prose(rng, n))), ("signature", () => w.String(Base64(rng, 300)))));
        }
        if (rng.Next(6) == 0)
        {
            int n = Math.Min(left / 2, 60_000);
            left -= n;
            string tool = $"srvtoolu_01{Hex(rng, 20)}";
            bool search = rng.Next(2) == 0;
            blocks.Add(() => w.Object(("type", () => w.String("server_tool_use")), ("id", () => w.String(tool)),
                ("name", () => w.String(search ? "web_search" : "code_execution")),
                ("input", () => { if (search) w.Object(("query", () => w.String(Prose(rng, 60)))); else w.Object(("code", () => w.String(Code[rng.Next(Code.Length)]))); }
            )));
            if (search)
                blocks.Add(() => w.Object(("type", () => w.String("web_search_tool_result")), ("tool_use_id", () => w.String(tool)),
                    ("content", () => w.Array([.. Enumerable.Range(0, 1 + rng.Next(5)).Select(k => (Action)(() => w.Object(
                        ("type", () => w.String("web_search_result")),
                        ("url", () => w.String($"https://example.org/{Words[rng.Next(Words.Length)].Replace(' ', '-')}/{k}?q=a&b=c")),
                        ("title", () => w.String(Prose(rng, 50))),
                        ("encrypted_content", () => w.String(Base64(rng, n / 6))),
                        ("page_age", () => { if (rng.Next(3) == 0) w.Raw("null"); else w.String("April 30, 2025"); }))))]))));
            else
                blocks.Add(() => w.Object(("type", () => w.String("code_execution_tool_result")), ("tool_use_id", () => w.String(tool)),
                    ("content", () => w.Object(("type", () => w.String("code_execution_result")), ("stdout", () => w.String(Prose(rng, n))),
                        ("stderr", () => w.String(rng.Next(4) == 0 ? "Traceback (most recent call last):\n  File \"<stdin>\", line 1\nZeroDivisionError: division by zero" : "")),
                        ("return_code", () => w.Raw(rng.Next(4) == 0 ? "1" : "0"))))));
        }
        int texts = 1 + rng.Next(3);
        for (int t = 0; t < texts; t++)
        {
            int n = Math.Max(10, left / (texts - t));
            left -= n;
            bool cite = rng.Next(5) == 0;
            blocks.Add(() =>
            {
                var text = new List<(string, Action)> { ("type", () => w.String("text")), ("text", () => w.String(Prose(rng, n))) };
                if (cite)
                    text.Add(("citations", () => w.Array(() => w.Object(("type", () => w.String("web_search_result_location")),
                        ("cited_text", () => w.String(Prose(rng, 120))), ("url", () => w.String("https://example.org/a")),
                        ("title", () => w.String("Source — “quoted” title")), ("encrypted_index", () => w.String(Base64(rng, 80)))))));
                else if (rng.Next(2) == 0) text.Add(("citations", () => w.Raw("null")));
                if (rng.Next(4) == 0) text.Reverse(); // "text" before "type"
                w.Object([.. text]);
            });
        }
        if (rng.Next(7) == 0)
            blocks.Add(() => w.Object(("type", () => w.String("tool_use")), ("id", () => w.String($"toolu_01{Hex(rng, 22)}")), ("name", () => w.String("get_weather")),
                ("input", () => w.Object(("location", () => w.String("Zürich, CH")), ("days", () => w.Raw("3")), ("units", () => w.Raw("null")),
                    ("threshold", () => w.Raw("-1.5e-3")), ("flags", () => w.Array(() => w.Raw("true"), () => w.Raw("false"), () => w.Raw("0.0"))),
                    ("nested", () => w.Object(("deep", () => w.Array(() => w.Array(() => w.Array(() => w.String("x")))))))))));
        if (rng.Next(3) == 0) Shuffle(rng, blocks);
        return [.. blocks];
    }

    private static string Prose(Random rng, int bytes)
    {
        var sb = new StringBuilder(bytes + 64);
        while (sb.Length < bytes)
        {
            int r = rng.Next(100);
            if (r < 70)
            {
                int words = 5 + rng.Next(20);
                for (int k = 0; k < words; k++) sb.Append(k == 0 ? "" : " ").Append(Words[rng.Next(Words.Length)]);
                sb.Append(rng.Next(6) == 0 ? "? " : ". ");
            }
            else if (r < 80) sb.Append(Foreign[rng.Next(Foreign.Length)]).Append(' ');
            else if (r < 87) sb.Append("\n\n");
            else if (r < 92) sb.Append("He said \"").Append(Words[rng.Next(Words.Length)]).Append("\" — twice. ");
            else if (r < 96) sb.Append("\n- item ").Append(rng.Next(100)).Append(": ").Append(Words[rng.Next(Words.Length)]);
            else sb.Append('\n').Append(Code[rng.Next(Code.Length)]).Append('\n');
        }
        return sb.ToString();
    }

    private static string Base64(Random rng, int bytes)
    {
        var raw = new byte[Math.Max(3, bytes * 3 / 4)];
        rng.NextBytes(raw);
        return Convert.ToBase64String(raw);
    }

    private static string Hex(Random rng, int n)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var c = new char[n];
        for (int k = 0; k < n; k++) c[k] = digits[rng.Next(digits.Length)];
        return new string(c);
    }

    private static void Shuffle<T>(Random rng, List<T> items)
    {
        for (int k = items.Count - 1; k > 0; k--)
        {
            int j = rng.Next(k + 1);
            (items[k], items[j]) = (items[j], items[k]);
        }
    }

    /// <summary>Writes JSON tokens as text in one of the styles; values are written by the callbacks, in order.</summary>
    private sealed class Writer(StringBuilder sb, Style style, Random rng)
    {
        private string Colon => style switch { Style.Python => ": ", Style.Loose => rng.Next(2) == 0 ? " : " : ":\t", _ => ":" };
        private string Comma => style switch { Style.Python => ", ", Style.Loose => rng.Next(2) == 0 ? " ,  " : ",", _ => "," };
        private string Pad => style == Style.Loose && rng.Next(3) == 0 ? " " : "";

        public void Raw(string token) => sb.Append(token);

        public void Object(params (string Key, Action Value)[] members)
        {
            sb.Append('{').Append(Pad);
            for (int k = 0; k < members.Length; k++)
            {
                if (k > 0) sb.Append(Comma);
                String(members[k].Key);
                sb.Append(Colon);
                members[k].Value();
            }
            sb.Append(Pad).Append('}');
        }

        public void Array(params Action[] items)
        {
            sb.Append('[').Append(Pad);
            for (int k = 0; k < items.Length; k++)
            {
                if (k > 0) sb.Append(Comma);
                items[k]();
            }
            sb.Append(Pad).Append(']');
        }

        public void String(string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '/' when style == Style.Slashes: sb.Append("\\/"); break;
                    case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                    case > '~' when style == Style.Ascii: sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                    default: sb.Append(c); break;
                }
            }
            sb.Append('"');
        }
    }
}
