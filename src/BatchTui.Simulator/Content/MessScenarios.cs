using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>
/// The real-world-mess family (<see cref="Theme.Mess"/>): every line is a valid result whose strings hold what real
/// results hold and our other scenarios never do. Request i walks the catalog by index so even a small batch has one
/// of each; requests 1 and <see cref="HugeEvery"/> + 1 carry a block of about two megabytes.
/// </summary>
internal static class MessScenarios
{
    /// <summary>Every this many requests, one holds the multi-megabyte text block.</summary>
    public const int HugeEvery = 24;

    public const int HugeBytes = 2 * 1024 * 1024;

    public static readonly Scenario[] Catalog =
        [Emoji, Cjk, RightToLeft, Zalgo, Controls, Escapes, LongLines, Everything, InTools, InStopSequence];

    public static Scenario Pick(int index) =>
        index % HugeEvery == 1 ? Huge : Catalog[index % Catalog.Length];

    private static void Emoji(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Thinking(w, "The user sent 🎉 and 👩‍💻; reply in kind 🙂", ref rng);
        tail.ThinkingChars = 40;
        foreach (var line in MessText.Emoji) Blocks.Text(w, line + "\n");
    }

    private static void Cjk(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail) =>
        Blocks.Text(w, string.Join("\n", MessText.Cjk));

    private static void RightToLeft(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, string.Join("\n", MessText.RightToLeft));
        Blocks.Text(w, "نعم", c =>
        {
            c.WriteStartObject();
            c.WriteString("type", "char_location");
            c.WriteString("cited_text", "سياسة الاسترداد \u202Etxt.exe\u202C لمدة ٣٠ يوماً");
            c.WriteNumber("document_index", 0);
            c.WriteString("document_title", "סיכום \u202Efdp.exe");
            c.WriteNumber("start_char_index", 0);
            c.WriteNumber("end_char_index", 31);
            c.WriteNull("file_id");
            c.WriteEndObject();
        });
    }

    private static void Zalgo(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, MessText.Zalgo("He comes. The results parser cannot hold.", ref rng));
        Blocks.Text(w, "Stacked on one letter: e" + new string('\u0301', 200) + " and a lone mark at the start: \u0308x");
    }

    private static void Controls(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail) =>
        Blocks.Text(w, string.Join("\n", MessText.Controls));

    private static void Escapes(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        foreach (var line in MessText.Escapes) Blocks.Text(w, line + "\n");
    }

    private static void LongLines(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, "Here is the payload you asked for, unformatted:\n" + MessText.LongLine(ref rng, 20_000));
        Blocks.Text(w, "And one token with nowhere to wrap: " + MessText.Unbreakable(ref rng, 5_000));
    }

    private static void Everything(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        for (int i = 0; i < 3; i++) Blocks.Text(w, MessText.Everything(ref rng) + "\n");
    }

    /// <summary>Mess outside text blocks: tool input, tool results, search titles.</summary>
    private static void InTools(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        string search = rng.Id("srvtoolu_01"), call = rng.Id("toolu_01"), encrypted = Blocks.Opaque(ref rng, 64);
        Blocks.ServerToolUse(w, search, "web_search", i => i.WriteString("query", "東京 天気 🌧️ " + MessText.Escapes[1]));
        Blocks.ToolResult(w, "web_search_tool_result", search, c =>
        {
            c.WriteStartArray();
            c.WriteStartObject();
            c.WriteString("type", "web_search_result");
            c.WriteString("url", "https://example.jp/天気/東京?q=\u202Egnp.exe");
            c.WriteString("title", MessText.Escapes[0] + "東京の天気 🌧️ — " + MessText.RightToLeft[0]);
            c.WriteString("page_age", "2 日前");
            c.WriteString("encrypted_content", encrypted);
            c.WriteEndObject();
            c.WriteEndArray();
        }, caller: true);
        Blocks.ToolUse(w, call, "lookup_customer", i =>
        {
            i.WriteString("name", "José 👩‍💻 Müller-Łukasiewicz " + MessText.RightToLeft[1]);
            i.WriteString("note", MessText.Controls[0] + MessText.Escapes[2]);
            i.WriteString("ключ 🔑", "値");
        });
        tail.StopReason = "tool_use";
        tail.WebSearches = 1;
    }

    private static void InStopSequence(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, "Stopped on a sequence that holds an escape: ");
        tail.StopReason = "stop_sequence";
        tail.StopSequence = MessText.Esc + "[2J🛑";
    }

    private static void Huge(Utf8JsonWriter w, ref Rng rng, Theme theme, MessageTail tail)
    {
        Blocks.Text(w, "Here is the full worker log you pasted, with the failing jobs marked:\n");
        Blocks.Text(w, MessText.Huge(ref rng, HugeBytes));
    }
}
