using System.Text.Json;

namespace ResultsBench;

/// <summary>
/// Writes a realistic results file: mostly succeeded messages with several paragraphs of text (some with citations),
/// thinking, tool use and server-tool use with web search and code execution results; a few percent errored, canceled
/// and expired; one line in 500 is long (~200 KB of text) and one is ~4 MB. Line sizes adapt as it goes so the file
/// reaches the requested size at the requested line count. Deterministic per seed.
/// </summary>
internal static class Generator
{
    private static readonly string[] Sentences =
    [
        "The regression appears after the cache layer was moved behind the load balancer.",
        "We measured p99 latency at 412 ms before the change and 388 ms after it.",
        "The function returns early when the input slice is empty, which hides the off-by-one error.",
        "Consider batching the writes: each round trip to the database costs about 2 ms.",
        "The contract says the caller owns the buffer, so the callee must not keep a reference to it.",
        "In the second experiment the model answered 87 of 100 questions correctly.",
        "A retry with exponential backoff and jitter avoids the thundering-herd effect.",
        "The schema allows null here, but the parser treats a missing field and null differently.",
        "Unicode normalisation matters: \"café\" and \"cafe\u0301\" compare unequal byte for byte.",
        "Rust's borrow checker would reject this, since the iterator outlives the vector it borrows.",
        "The summary of the paper: sparse attention keeps 94% of quality at a third of the cost.",
        "Step 3 failed because the migration ran before the column was added — reorder them.",
        "For a 10 GB input the streaming approach needs 40 MB of memory instead of 12 GB.",
        "The test is flaky because it depends on wall-clock time; inject a clock instead.",
        "Here is the corrected query:\n\nSELECT id, total FROM orders WHERE status = 'paid' ORDER BY total DESC;",
        "Tabs\tand \"quotes\" and back\\slashes appear in real outputs too.",
    ];

    private static readonly string[] Models = ["claude-sonnet-4-5-20250929", "claude-opus-4-6", "claude-haiku-4-5-20251001", "claude-sonnet-4-6"];
    private static readonly string[] StopReasons = ["end_turn", "end_turn", "end_turn", "end_turn", "max_tokens", "tool_use", "stop_sequence", "pause_turn", "refusal"];
    private static readonly string[] ErrorTypes = ["invalid_request_error", "overloaded_error", "api_error", "rate_limit_error", "timeout_error", "billing_error"];

    // The API writes UTF-8 text unescaped; so do we, for realistic byte counts and search hits.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, int lines, long minBytes, int seed = 42)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var rng = new Random(seed);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (int i = 0; i < lines; i++)
        {
            // Paragraph count follows what is left to write, so long lines do not throw the total off.
            double avgTarget = (double)(minBytes - file.Position) / (lines - i);
            int paragraphs = Math.Max(1, (int)(avgTarget / 560));
            if (i % 500 == 250) paragraphs = 400;          // a long line, ~200 KB
            if (i == lines / 2) paragraphs = 8000;         // one very long line, ~4 MB
            using (var w = new Utf8JsonWriter(file, Options))
            {
                WriteLine(w, rng, i, paragraphs);
            }
            file.WriteByte((byte)'\n');
        }
    }

    private static void WriteLine(Utf8JsonWriter w, Random rng, int i, int paragraphs)
    {
        w.WriteStartObject();
        w.WriteString("custom_id", $"eval-{i % 997:D3}-{i:D7}");
        w.WriteStartObject("result");
        int roll = rng.Next(100);
        if (roll < 3)
        {
            w.WriteString("type", "errored");
            w.WriteStartObject("error");
            w.WriteString("type", "error");
            w.WriteStartObject("error");
            w.WriteString("type", ErrorTypes[rng.Next(ErrorTypes.Length)]);
            w.WriteString("message", "The request could not be processed: " + Sentences[rng.Next(Sentences.Length)]);
            w.WriteEndObject();
            w.WriteString("request_id", $"req_{rng.NextInt64():x16}");
            w.WriteEndObject();
        }
        else if (roll < 4) w.WriteString("type", "canceled");
        else if (roll < 5) w.WriteString("type", "expired");
        else
        {
            w.WriteString("type", "succeeded");
            WriteMessage(w, rng, i, paragraphs);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, Random rng, int i, int paragraphs)
    {
        w.WriteStartObject("message");
        w.WriteString("id", $"msg_{rng.NextInt64():x16}");
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteString("model", Models[rng.Next(Models.Length)]);
        w.WriteStartArray("content");
        if (rng.Next(4) == 0)
        {
            w.WriteStartObject();
            w.WriteString("type", "thinking");
            w.WriteString("thinking", Paragraph(rng, 4));
            w.WriteString("signature", Convert.ToBase64String(RandomBytes(rng, 96)));
            w.WriteEndObject();
        }
        int textBlocks = 1 + rng.Next(2);
        for (int b = 0; b < textBlocks; b++)
        {
            w.WriteStartObject();
            w.WriteString("type", "text");
            var text = new System.Text.StringBuilder();
            for (int p = 0; p < Math.Max(1, paragraphs / textBlocks); p++) text.Append(Paragraph(rng, 6)).Append("\n\n");
            w.WriteString("text", text.ToString());
            if (rng.Next(5) == 0)
            {
                w.WriteStartArray("citations");
                w.WriteStartObject();
                w.WriteString("type", "char_location");
                w.WriteString("cited_text", Sentences[rng.Next(Sentences.Length)]);
                w.WriteNumber("document_index", 0);
                w.WriteString("document_title", "Design notes");
                w.WriteNumber("start_char_index", 120);
                w.WriteNumber("end_char_index", 201);
                w.WriteEndObject();
                w.WriteEndArray();
            }
            else w.WriteNull("citations");
            w.WriteEndObject();
        }
        if (rng.Next(8) == 0) WriteWebSearch(w, rng);
        if (rng.Next(12) == 0) WriteCodeExecution(w, rng);
        if (rng.Next(6) == 0)
        {
            w.WriteStartObject();
            w.WriteString("type", "tool_use");
            w.WriteString("id", $"toolu_{rng.NextInt64():x16}");
            w.WriteString("name", "run_query");
            w.WriteStartObject("input");
            w.WriteString("sql", "SELECT id, total FROM orders WHERE status = 'paid'");
            w.WriteNumber("limit", 50);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        string stop = StopReasons[rng.Next(StopReasons.Length)];
        w.WriteString("stop_reason", stop);
        if (stop == "stop_sequence") w.WriteString("stop_sequence", "\n\nHuman:"); else w.WriteNull("stop_sequence");
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", 200 + rng.Next(4000));
        w.WriteNumber("cache_creation_input_tokens", rng.Next(3) == 0 ? rng.Next(2000) : 0);
        w.WriteNumber("cache_read_input_tokens", rng.Next(2) == 0 ? rng.Next(8000) : 0);
        w.WriteNumber("output_tokens", 50 + rng.Next(1500));
        w.WriteString("service_tier", "batch");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteWebSearch(Utf8JsonWriter w, Random rng)
    {
        string id = $"srvtoolu_{rng.NextInt64():x16}";
        w.WriteStartObject();
        w.WriteString("type", "server_tool_use");
        w.WriteString("id", id);
        w.WriteString("name", "web_search");
        w.WriteStartObject("input");
        w.WriteString("query", "sparse attention quality cost trade-off");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "web_search_tool_result");
        w.WriteString("tool_use_id", id);
        if (rng.Next(20) == 0)
        {
            w.WriteStartObject("content");
            w.WriteString("type", "web_search_tool_result_error");
            w.WriteString("error_code", "max_uses_exceeded");
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartArray("content");
            for (int r = 0; r < 3; r++)
            {
                w.WriteStartObject();
                w.WriteString("type", "web_search_result");
                w.WriteString("url", $"https://example.org/papers/{rng.Next(100000)}");
                w.WriteString("title", "Sparse attention at scale");
                w.WriteString("page_age", "2 weeks ago");
                w.WriteString("encrypted_content", Convert.ToBase64String(RandomBytes(rng, 180)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        // The text that cites it.
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", Sentences[10]);
        w.WriteStartArray("citations");
        w.WriteStartObject();
        w.WriteString("type", "web_search_result_location");
        w.WriteString("cited_text", "sparse attention keeps 94% of quality at a third of the cost");
        w.WriteString("url", "https://example.org/papers/42");
        w.WriteString("title", "Sparse attention at scale");
        w.WriteString("encrypted_index", Convert.ToBase64String(RandomBytes(rng, 48)));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCodeExecution(Utf8JsonWriter w, Random rng)
    {
        string id = $"srvtoolu_{rng.NextInt64():x16}";
        w.WriteStartObject();
        w.WriteString("type", "server_tool_use");
        w.WriteString("id", id);
        w.WriteString("name", "bash_code_execution");
        w.WriteStartObject("input");
        w.WriteString("command", "python3 analyse.py --input data.csv");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "bash_code_execution_tool_result");
        w.WriteString("tool_use_id", id);
        w.WriteStartObject("content");
        w.WriteString("type", "bash_code_execution_result");
        w.WriteString("stdout", "rows: 1200\nmean: 41.7\np99: 388\n");
        w.WriteString("stderr", "");
        w.WriteNumber("return_code", rng.Next(10) == 0 ? 1 : 0);
        w.WriteStartArray("content");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Paragraph(Random rng, int sentences)
    {
        var sb = new System.Text.StringBuilder();
        for (int s = 0; s < sentences; s++) sb.Append(Sentences[rng.Next(Sentences.Length)]).Append(' ');
        return sb.ToString();
    }

    private static byte[] RandomBytes(Random rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }
}
