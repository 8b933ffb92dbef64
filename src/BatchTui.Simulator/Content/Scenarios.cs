using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

internal delegate void Scenario(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail);

/// <summary>
/// The shapes a succeeded message can take. About half the lines are a plain answer in the batch's theme; the rest
/// walk the catalog, which between them use every block type, citation type, stop reason and tool result variant.
/// </summary>
internal static class Scenarios
{
    public static readonly Scenario[] Catalog =
    [
        CharCitations, PageCitations, ContentBlockCitations, SearchResultCitations, WebSearch, WebSearchError,
        PauseTurn, WebFetch, WebFetchError, Thinking, RedactedThinking, ToolUse, ProgrammaticToolUse,
        CodeExecution, CodeExecutionEncrypted, CodeExecutionError, BashWithUpload, BashError, TextEditor,
        TextEditorError, ToolSearchRegex, ToolSearchBm25Error, Mcp, McpError, Compaction, CompactionFailed,
        MaxTokens, StopSequence, Refusal, ContextWindowExceeded,
    ];

    /// <summary>Shapes only the beta Message documents.</summary>
    private static readonly HashSet<Scenario> BetaOnly = [Mcp, McpError, Compaction, CompactionFailed, ContextWindowExceeded];

    public static Scenario Pick(ref Rng rng, int index, bool betaShapes = true)
    {
        var scenario = rng.Chance(0.45) ? Plain : Catalog[(index + rng.Int(Catalog.Length)) % Catalog.Length];
        return betaShapes || !BetaOnly.Contains(scenario) ? scenario : Plain;
    }

    private static void Plain(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail) =>
        Blocks.Text(w, Prose.For(theme, ref rng));

    private static void CharCitations(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string title = "Refund policy (rev. 7)";
        Blocks.Text(w, "According to the policy you attached, ");
        Blocks.Text(w, "annual plans can be refunded in full within 30 days of renewal", c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "char_location");
            c.WriteString("cited_text", "Annual subscriptions renewed automatically may be refunded in full if the request is made within 30 days of the renewal date.");
            c.WriteNumber("document_index", 0);
            c.WriteString("document_title", title);
            c.WriteNumber("start_char_index", 1184);
            c.WriteNumber("end_char_index", 1309);
            c.WriteNull("file_id");
            c.WriteEndObject();
        });
        Blocks.Text(w, ", so the customer's request on day 12 qualifies and no manager approval is needed.");
    }

    private static void PageCitations(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        int page = rng.Int(3, 40);
        string fileId = rng.Id("file_011C");
        Blocks.Text(w, "The contract's termination clause is the key risk: ");
        Blocks.Text(w, "either party may terminate for convenience with 90 days' written notice", c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "page_location");
            c.WriteString("cited_text", "Either Party may terminate this Agreement for convenience upon ninety (90) days' prior written notice to the other Party.");
            c.WriteNumber("document_index", 0);
            c.WriteString("document_title", "Master Services Agreement - Northwind Traders.pdf");
            c.WriteNumber("start_page_number", page);
            c.WriteNumber("end_page_number", page + 1);
            c.WriteString("file_id", fileId);
            c.WriteEndObject();
        });
        Blocks.Text(w, ", while the liability cap in section 11 only covers fees paid in the prior 12 months. I would flag both for legal review before signature.");
    }

    private static void ContentBlockCitations(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, "From the release notes: ");
        Blocks.Text(w, "version 4.2 removes the legacy v1 export endpoint and requires OAuth for all integrations", c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "content_block_location");
            c.WriteString("cited_text", "The v1 export endpoint is removed in 4.2. All integrations must authenticate with OAuth 2.0.");
            c.WriteNumber("document_index", 1);
            c.WriteString("document_title", "Release notes 4.2");
            c.WriteNumber("start_block_index", 2);
            c.WriteNumber("end_block_index", 4);
            c.WriteNull("file_id");
            c.WriteEndObject();
        });
        Blocks.Text(w, ". Customers still on API keys need to migrate before upgrading.");
    }

    private static void SearchResultCitations(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, "Your knowledge base answers this directly: ");
        Blocks.Text(w, "password resets expire after 60 minutes and can be re-sent from the sign-in page", c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "search_result_location");
            c.WriteString("cited_text", "Reset links are valid for 60 minutes. Users can request a new link from the sign-in page at any time.");
            c.WriteNumber("search_result_index", 0);
            c.WriteString("source", "https://help.example.com/articles/reset-password");
            c.WriteString("title", "Resetting your password");
            c.WriteNumber("start_block_index", 0);
            c.WriteNumber("end_block_index", 1);
            c.WriteEndObject();
        });
        Blocks.Text(w, ". I'd suggest linking that article in the macro for ticket category 'account_access'.");
    }

    private static void WebSearchResults(Utf8JsonWriter w, ref Rng rng, string id, bool caller)
    {
        string e1 = Blocks.Opaque(ref rng, 120), e2 = Blocks.Opaque(ref rng, 120), e3 = Blocks.Opaque(ref rng, 96);
        Blocks.ToolResult(w, "web_search_tool_result", id, c =>
        {
            c.WriteStartArray();
            SearchHit(c, "https://www.postgresql.org/docs/current/runtime-config-connection.html",
                "PostgreSQL: Documentation: 18: 19.3. Connections and Authentication", "2 weeks ago", e1);
            SearchHit(c, "https://www.pgbouncer.org/features.html", "PgBouncer features", null, e2);
            SearchHit(c, "https://wiki.postgresql.org/wiki/Number_Of_Database_Connections",
                "Number Of Database Connections - PostgreSQL wiki", "3 years ago", e3);
            c.WriteEndArray();
        }, caller);
    }

    private static void SearchHit(Utf8JsonWriter c, string url, string title, string? age, string encrypted)
    {
        c.WriteStartObject();
        c.WriteString("type", "web_search_result");
        c.WriteString("url", url);
        c.WriteString("title", title);
        if (age is null) c.WriteNull("page_age"); else c.WriteString("page_age", age);
        c.WriteString("encrypted_content", encrypted);
        c.WriteEndObject();
    }

    private static void WebSearch(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string index = Blocks.Opaque(ref rng, 64);
        Blocks.Text(w, "I'll look up the current guidance on sizing connection pools.");
        Blocks.ServerToolUse(w, id, "web_search", i => i.WriteString("query", "postgres connection pool size formula max_connections"));
        WebSearchResults(w, ref rng, id, caller: true);
        Blocks.Text(w, "The PostgreSQL wiki suggests ");
        Blocks.Text(w, "starting from ((core_count * 2) + effective_spindle_count) connections", c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "web_search_result_location");
            c.WriteString("cited_text", "A formula which has held up pretty well across a lot of benchmarks for years is that for optimal throughput the number of active connections should be somewhere near ((core_count * 2) + effective_spindle_count).");
            c.WriteString("url", "https://wiki.postgresql.org/wiki/Number_Of_Database_Connections");
            c.WriteString("title", "Number Of Database Connections - PostgreSQL wiki");
            c.WriteString("encrypted_index", index);
            c.WriteEndObject();
        });
        Blocks.Text(w, ", so for your 8-core instance a pool of about 20 per node, behind PgBouncer in transaction mode, is a reasonable start.");
        tail.WebSearches = 1;
    }

    private static void WebSearchError(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string code = rng.Pick(["max_uses_exceeded", "too_many_requests", "unavailable", "query_too_long", "invalid_tool_input", "request_too_large"]);
        Blocks.ServerToolUse(w, id, "web_search", i => i.WriteString("query", "EU AI Act general purpose model obligations timeline 2026"));
        Blocks.ToolResult(w, "web_search_tool_result", id, c => Blocks.Error(c, "web_search_tool_result_error", code), caller: true);
        Blocks.Text(w, "I couldn't run a web search just now, so this answer is from what I already know: obligations for general-purpose AI models applied from August 2025, with most high-risk system requirements following in August 2026. Please verify the dates against the Official Journal before relying on them.");
        tail.WebSearches = 1;
    }

    private static void PauseTurn(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        Blocks.Text(w, "This needs several searches; starting with pool sizing guidance.");
        Blocks.ServerToolUse(w, id, "web_search", i => i.WriteString("query", "pgbouncer transaction pooling prepared statements"));
        WebSearchResults(w, ref rng, id, caller: true);
        tail.StopReason = "pause_turn";
        tail.WebSearches = 1;
    }

    private static void WebFetch(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        bool pdf = rng.Chance(0.3);
        string pdfData = pdf ? "JVBERi0xLjcKJeLjz9MK" + Blocks.Opaque(ref rng, 240) : "";
        const string url = "https://status.example.com/incidents/2026-11-28-checkout-latency";
        Blocks.ServerToolUse(w, id, "web_fetch", i => i.WriteString("url", url));
        Blocks.ToolResult(w, "web_fetch_tool_result", id, c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "web_fetch_result");
            c.WriteString("url", url);
            c.WriteString("retrieved_at", Http.WireJson.Timestamp(tail.RanAt));
            c.WriteStartObject("content");
            c.WriteString("type", "document");
            c.WriteStartObject("source");
            if (pdf)
            {
                c.WriteString("type", "base64");
                c.WriteString("media_type", "application/pdf");
                c.WriteString("data", pdfData);
            }
            else
            {
                c.WriteString("type", "text");
                c.WriteString("media_type", "text/plain");
                c.WriteString("data", "Checkout latency incident - resolved\n\nBetween 13:05 and 13:48 UTC on 28 November, p99 checkout latency rose to 9.2 s after a configuration change reduced the payment service's connection pool from 200 to 20. The change was rolled back at 13:41 and latency recovered by 13:48. No orders were lost.");
            }
            c.WriteEndObject();
            c.WriteString("title", "Incident report: checkout latency");
            c.WriteStartObject("citations");
            c.WriteBoolean("enabled", true);
            c.WriteEndObject();
            c.WriteEndObject();
            c.WriteEndObject();
        }, caller: true);
        Blocks.Text(w, "The status page confirms it: a config change shrank the payment service's connection pool tenfold, p99 checkout latency peaked at 9.2 s for 43 minutes, and rolling back fixed it. No orders were lost, so the customer's duplicate charge is unrelated; I'd route that ticket to billing.");
        tail.WebFetches = 1;
    }

    private static void WebFetchError(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string code = rng.Pick(["url_not_accessible", "url_too_long", "url_not_allowed", "url_not_in_prior_context",
            "unsupported_content_type", "too_many_requests", "max_uses_exceeded", "unavailable", "invalid_tool_input"]);
        Blocks.ServerToolUse(w, id, "web_fetch", i => i.WriteString("url", "https://intranet.example.com/wiki/oncall-runbook"));
        Blocks.ToolResult(w, "web_fetch_tool_result", id, c => Blocks.Error(c, "web_fetch_tool_result_error", code), caller: true);
        Blocks.Text(w, $"I couldn't open the runbook ({code.Replace('_', ' ')}). If you paste the relevant section, I can turn it into the step-by-step checklist you asked for.");
        tail.WebFetches = 1;
    }

    private static void Thinking(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string thinking = "The user wants the total cost. 3 licences at $29 is $87 per month; annual billing gives two months free, so 10 × 87 = $870 per year. They also asked about the add-on: $5 per seat per month, 3 seats, 12 months = $180. Total $1,050. Check: they said 'annual', so the discount applies to the licences but the add-on page says add-ons are not discounted. Yes, $1,050.";
        if (rng.Chance(0.15)) thinking = ""; // display: "omitted" returns an empty thinking with its signature
        Blocks.Thinking(w, thinking, ref rng);
        Blocks.Text(w, "On annual billing you'd pay $870 for the three licences (two months free) plus $180 for the analytics add-on, which isn't discounted: $1,050 per year in total.");
        tail.ThinkingChars = Math.Max(thinking.Length, 600);
    }

    private static void RedactedThinking(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Thinking(w, "I need to classify this message. It mentions a chargeback and a locked account; the primary intent is regaining access.", ref rng);
        Blocks.RedactedThinking(w, ref rng);
        Blocks.Text(w, Prose.Label(ref rng));
        tail.ThinkingChars = 900;
    }

    private static void ToolUse(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("toolu_01");
        string ticket = "T-" + rng.Int(10_000, 99_999);
        string customer = Prose.Name(ref rng);
        Blocks.Text(w, $"I'll look up the order history for {customer} before drafting a reply.");
        Blocks.ToolUse(w, id, "get_order_history", i =>
        {
            i.WriteString("ticket_id", ticket);
            i.WriteNumber("limit", 5);
            i.WriteBoolean("include_refunds", true);
        });
        tail.StopReason = "tool_use";
    }

    private static void ProgrammaticToolUse(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string exec = rng.Id("srvtoolu_01");
        string call = rng.Id("toolu_01");
        string callerType = rng.Chance(0.5) ? "code_execution_20250825" : "code_execution_20260120";
        Blocks.ServerToolUse(w, exec, "code_execution", i => i.WriteString("code",
            "regions = ['us-east-1', 'eu-west-1', 'ap-south-1']\nfor r in regions:\n    print(r, get_error_rate(region=r, window='24h'))"));
        Blocks.ToolUse(w, call, "get_error_rate", i =>
        {
            i.WriteString("region", "us-east-1");
            i.WriteString("window", "24h");
        }, callerType, exec);
        tail.StopReason = "tool_use";
        tail.Container = true;
    }

    private static void CodeResult(Utf8JsonWriter w, string type, string id, string stdout, string stderr, int rc,
        string? fileId, string outputType)
    {
        Blocks.ToolResult(w, type, id, c =>
        {
            c.WriteStartObject();
            c.WriteString("type", type == "code_execution_tool_result" ? "code_execution_result" : "bash_code_execution_result");
            c.WriteString("stdout", stdout);
            c.WriteString("stderr", stderr);
            c.WriteNumber("return_code", rc);
            c.WriteStartArray("content");
            if (fileId is not null)
            {
                c.WriteStartObject();
                c.WriteString("type", outputType);
                c.WriteString("file_id", fileId);
                c.WriteEndObject();
            }
            c.WriteEndArray();
            c.WriteEndObject();
        });
    }

    private static void CodeExecution(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string file = rng.Id("file_011C");
        int p95 = rng.Int(180, 900);
        Blocks.Text(w, "Let me compute the latency percentiles from the CSV.");
        Blocks.ServerToolUse(w, id, "code_execution", i => i.WriteString("code",
            "import pandas as pd\ndf = pd.read_csv('latency.csv')\nprint(df['ms'].quantile([0.5, 0.95, 0.99]))\ndf['ms'].plot.hist(bins=50).figure.savefig('hist.png')"));
        CodeResult(w, "code_execution_tool_result", id, $"0.50    {p95 / 3}\n0.95    {p95}\n0.99    {p95 * 2}\nName: ms, dtype: int64\n", "", 0, file, "code_execution_output");
        Blocks.Text(w, $"Median latency is {p95 / 3} ms, p95 {p95} ms and p99 {p95 * 2} ms. The histogram (hist.png) shows a second mode around the p99, which usually means a slow dependency on a subset of requests rather than general load.");
        tail.Container = true;
    }

    private static void CodeExecutionEncrypted(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string secret = Blocks.Opaque(ref rng, 200);
        Blocks.ServerToolUse(w, id, "code_execution", i => i.WriteString("code", "print(score_candidates('shortlist.json'))"));
        Blocks.ToolResult(w, "code_execution_tool_result", id, c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "encrypted_code_execution_result");
            c.WriteString("encrypted_stdout", secret);
            c.WriteString("stderr", "");
            c.WriteNumber("return_code", 0);
            c.WriteStartArray("content");
            c.WriteEndArray();
            c.WriteEndObject();
        });
        Blocks.Text(w, "The scoring ran successfully; the ranked shortlist is in the tool output.");
        tail.Container = true;
    }

    private static void CodeExecutionError(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string code = rng.Pick(["execution_time_exceeded", "unavailable", "too_many_requests", "invalid_tool_input"]);
        Blocks.ServerToolUse(w, id, "code_execution", i => i.WriteString("code", "import itertools\nbest = min(itertools.permutations(range(14)), key=route_cost)\nprint(best)"));
        Blocks.ToolResult(w, "code_execution_tool_result", id, c => Blocks.Error(c, "code_execution_tool_result_error", code));
        Blocks.Text(w, "Brute-forcing all 14! routes was too slow for the sandbox. A nearest-neighbour tour followed by 2-opt improvement gets within a few percent of optimal in well under a second; want me to run that instead?");
        tail.Container = true;
    }

    private static void BashWithUpload(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string upload = rng.Id("file_011C");
        string id = rng.Id("srvtoolu_01");
        string output = rng.Id("file_011C");
        int rows = rng.Int(1_000, 90_000);
        Blocks.ContainerUpload(w, upload);
        Blocks.ServerToolUse(w, id, "bash_code_execution", i => i.WriteString("command", "wc -l orders.csv && cut -d, -f4 orders.csv | sort | uniq -c | sort -rn | head -5 > top_countries.txt"));
        CodeResult(w, "bash_code_execution_tool_result", id, $"{rows} orders.csv\n", "", 0, output, "bash_code_execution_output");
        Blocks.Text(w, $"The export has {rows:N0} rows including the header. I wrote the five most common shipping countries to top_countries.txt.");
        tail.Container = true;
        tail.Skills = rng.Chance(0.5);
    }

    private static void BashError(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        if (rng.Chance(0.5))
        {
            string code = rng.Pick(["output_file_too_large", "execution_time_exceeded", "unavailable", "too_many_requests", "invalid_tool_input"]);
            Blocks.ServerToolUse(w, id, "bash_code_execution", i => i.WriteString("command", "tar czf logs.tgz /var/log/app"));
            Blocks.ToolResult(w, "bash_code_execution_tool_result", id, c => Blocks.Error(c, "bash_code_execution_tool_result_error", code));
            Blocks.Text(w, "Archiving the logs failed in the sandbox. I'll summarise the last hour of errors instead of exporting everything.");
        }
        else
        {
            Blocks.ServerToolUse(w, id, "bash_code_execution", i => i.WriteString("command", "python -m pytest tests/test_invoice.py -q"));
            CodeResult(w, "bash_code_execution_tool_result", id, "F.\n=== FAILURES ===\ntest_rounding: assert 10.01 == 10.0\n1 failed, 1 passed in 0.42s\n",
                "", 1, null, "bash_code_execution_output");
            Blocks.Text(w, "One test fails: `test_rounding` expects 10.00 but gets 10.01, the floating-point drift I mentioned. Switching `amount` to `Decimal` makes both tests pass.");
        }
        tail.Container = true;
    }

    private static void TextEditor(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string view = rng.Id("srvtoolu_01"), edit = rng.Id("srvtoolu_01"), create = rng.Id("srvtoolu_01");
        Blocks.ServerToolUse(w, view, "text_editor_code_execution", i => { i.WriteString("command", "view"); i.WriteString("path", "/tmp/app/config.py"); });
        Blocks.ToolResult(w, "text_editor_code_execution_tool_result", view, c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "text_editor_code_execution_view_result");
            c.WriteString("content", "TIMEOUT_SECONDS = 5\nMAX_RETRIES = 10\nBACKOFF = 0\n");
            c.WriteString("file_type", "text");
            c.WriteNumber("num_lines", 3);
            c.WriteNumber("start_line", 1);
            c.WriteNumber("total_lines", 3);
            c.WriteEndObject();
        });
        Blocks.ServerToolUse(w, edit, "text_editor_code_execution", i =>
        {
            i.WriteString("command", "str_replace");
            i.WriteString("path", "/tmp/app/config.py");
            i.WriteString("old_str", "MAX_RETRIES = 10\nBACKOFF = 0");
            i.WriteString("new_str", "MAX_RETRIES = 3\nBACKOFF = 0.5");
        });
        Blocks.ToolResult(w, "text_editor_code_execution_tool_result", edit, c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "text_editor_code_execution_str_replace_result");
            c.WriteNumber("old_start", 2);
            c.WriteNumber("old_lines", 2);
            c.WriteNumber("new_start", 2);
            c.WriteNumber("new_lines", 2);
            c.WriteStartArray("lines");
            c.WriteStringValue("-MAX_RETRIES = 10");
            c.WriteStringValue("-BACKOFF = 0");
            c.WriteStringValue("+MAX_RETRIES = 3");
            c.WriteStringValue("+BACKOFF = 0.5");
            c.WriteEndArray();
            c.WriteEndObject();
        });
        Blocks.ServerToolUse(w, create, "text_editor_code_execution", i =>
        {
            i.WriteString("command", "create");
            i.WriteString("path", "/tmp/app/CHANGELOG.md");
            i.WriteString("file_text", "- Retry at most 3 times with 0.5 s exponential backoff\n");
        });
        Blocks.ToolResult(w, "text_editor_code_execution_tool_result", create, c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "text_editor_code_execution_create_result");
            c.WriteBoolean("is_file_update", false);
            c.WriteEndObject();
        });
        Blocks.Text(w, "Ten immediate retries with no backoff turn one slow dependency into an outage. I changed it to 3 retries with 0.5 s exponential backoff and noted it in the changelog.");
        tail.Container = true;
    }

    private static void TextEditorError(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("srvtoolu_01");
        string path = "/tmp/app/" + Path.GetFileName(Prose.File(ref rng));
        Blocks.ServerToolUse(w, id, "text_editor_code_execution", i => { i.WriteString("command", "view"); i.WriteString("path", path); });
        Blocks.ToolResult(w, "text_editor_code_execution_tool_result", id, c =>
            Blocks.Error(c, "text_editor_code_execution_tool_result_error", "file_not_found", $"File not found: {path}", withMessage: true));
        Blocks.Text(w, $"{path} isn't in the container; it looks like only the tests directory was uploaded. Could you attach the source file too?");
        tail.Container = true;
    }

    private static void ToolReferences(Utf8JsonWriter c, params string[] names)
    {
        c.WriteStartObject();
        c.WriteString("type", "tool_search_tool_search_result");
        c.WriteStartArray("tool_references");
        foreach (var name in names)
        {
            c.WriteStartObject();
            c.WriteString("type", "tool_reference");
            c.WriteString("tool_name", name);
            c.WriteEndObject();
        }
        c.WriteEndArray();
        c.WriteEndObject();
    }

    private static void ToolSearchRegex(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string search = rng.Id("srvtoolu_01"), call = rng.Id("toolu_01");
        Blocks.ServerToolUse(w, search, "tool_search_tool_regex", i => i.WriteString("pattern", "(?i)invoice|refund"));
        Blocks.ToolResult(w, "tool_search_tool_result", search, c => ToolReferences(c, "get_invoice", "issue_refund", "list_refunds"));
        Blocks.ToolUse(w, call, "get_invoice", i => i.WriteString("invoice_id", "INV-2026-" + 4417));
        tail.StopReason = "tool_use";
    }

    private static void ToolSearchBm25Error(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string search = rng.Id("srvtoolu_01"), again = rng.Id("srvtoolu_01");
        Blocks.ServerToolUse(w, search, "tool_search_tool_bm25", i => i.WriteString("query", "shipping label carrier tracking"));
        Blocks.ToolResult(w, "tool_search_tool_result", search, c =>
            Blocks.Error(c, "tool_search_tool_result_error", "unavailable", null, withMessage: true));
        Blocks.ServerToolUse(w, again, "tool_search_tool_bm25", i => i.WriteString("query", "tracking number"));
        Blocks.ToolResult(w, "tool_search_tool_result", again, c => ToolReferences(c, "track_shipment"));
        Blocks.Text(w, "The only matching tool is track_shipment, which needs a tracking number. Could you share the one from the confirmation email?");
    }

    private static void Mcp(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("mcptoolu_01");
        int issue = rng.Int(100, 9_999);
        Blocks.McpToolUse(w, id, "github", "get_issue", i =>
        {
            i.WriteString("owner", "acme");
            i.WriteString("repo", "storefront");
            i.WriteNumber("issue_number", issue);
        });
        Blocks.McpToolResult(w, id, false,
            $"#{issue} Checkout button unresponsive on Safari 18\nState: open · Labels: bug, p1 · 14 comments\nLast comment: \"Reproduced on iOS 18.2, works on 18.1.\"",
            asBlocks: rng.Chance(0.5));
        Blocks.Text(w, $"Issue #{issue} is open, labelled p1, and was reproduced on iOS 18.2 only, so it's likely a regression in that Safari release rather than in our checkout code. Suggest pinning the polyfill version and adding an 18.2 device to the smoke tests.");
    }

    private static void McpError(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string id = rng.Id("mcptoolu_01");
        Blocks.McpToolUse(w, id, "linear", "create_issue", i =>
        {
            i.WriteString("team", "PLAT");
            i.WriteString("title", "Reduce retry storm on payment timeout");
        });
        Blocks.McpToolResult(w, id, true, "Error: team 'PLAT' not found. Available teams: PLATFORM, WEB, MOBILE", asBlocks: false);
        Blocks.Text(w, "Creating the issue failed because the team key is PLATFORM, not PLAT. Shall I retry with PLATFORM?");
    }

    private static void Compaction(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Compaction(w, "Summary of the session so far: we migrated the orders service from Python 3.9 to 3.12, fixed two deprecation warnings in the asyncio code, and found that test_checkout_flow is flaky because it depends on wall-clock time. Remaining: replace datetime.now() with an injected clock in checkout/timeouts.py and re-run the suite.");
        if (rng.Chance(0.4))
        {
            tail.StopReason = "compaction";
        }
        else
        {
            Blocks.Text(w, "Continuing from the summary: I replaced `datetime.now()` with the injected clock in checkout/timeouts.py; test_checkout_flow now passes 50 times in a row.");
        }
        tail.Compacted = true;
        tail.ContextEdits = true;
    }

    private static void CompactionFailed(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Compaction(w, null);
        Blocks.Text(w, Prose.For(theme, ref rng));
        tail.Compacted = true;
    }

    private static void MaxTokens(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, Prose.Truncated(ref rng));
        tail.StopReason = "max_tokens";
    }

    private static void StopSequence(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string sequence = rng.Pick(["</answer>", "\n\nHuman:", "###", "END_OF_LABEL"]);
        Blocks.Text(w, "<answer>" + Prose.For(theme == Theme.Mixed ? Theme.Labelling : theme, ref rng));
        tail.StopReason = "stop_sequence";
        tail.StopSequence = sequence;
    }

    private static void Refusal(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        int kind = rng.Int(3);
        Blocks.Text(w, kind switch
        {
            0 => "I can't help with writing code to get around another system's authentication.",
            1 => "I can't provide instructions for culturing that pathogen.",
            _ => "I'm not able to continue with this request.",
        });
        tail.StopReason = "refusal";
        tail.Refusal = true;
        tail.RefusalCategory = kind switch { 0 => "cyber", 1 => "bio", _ => null };
        tail.RefusalExplanation = kind == 2 ? null
            : "The request was stopped by a safety classifier. Rephrase it without the flagged content or contact support if you believe this is a mistake.";
    }

    private static void ContextWindowExceeded(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, Prose.Truncated(ref rng));
        tail.StopReason = "model_context_window_exceeded";
    }
}
