using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using CsCheck;
using System.Text;
using Xunit.Abstractions;

namespace BatchTui.Core.Tests.Properties;

/// <summary>
/// Random strings (every plane, controls, surrogates alone or reversed) written into every string field of a result
/// line, each character either raw UTF-8 or as a JSON <c>\uXXXX</c> escape (<c>\ud83d</c> alone is valid JSON but not
/// valid Unicode). The scanners, the detail parser and every block renderer read them without throwing, and what
/// they hand to a view is well-formed UTF-16.
/// </summary>
public sealed class UnicodeEscapeProperties(ITestOutputHelper output)
{
    public const int Iterations = 1000;

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, Gen.Char.Array[0, 16].Select(a => new string(a))),
        (3, Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 8].Select(a => string.Concat(a.Select(char.ConvertFromUtf32)))),
        (1, Gen.OneOf<string>("\ud83d", "\udc00", "\udfff\ud800", "🎉", "👩‍💻", "\u202E", "\u001b[2J", "e\u0301\u0301", "", "\0")));

    /// <summary>A JSON string literal of <paramref name="s"/>; <paramref name="escapeMask"/> picks which characters are escaped.</summary>
    private static string Literal(string s, ulong escapeMask)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            bool lone = char.IsSurrogate(c) && !pair;
            bool escape = lone || c < 0x20 || c is '"' or '\\' || ((escapeMask >> (i % 64)) & 1) == 1;
            if (escape) sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
            if (pair)
            {
                i++;
                if (escape) sb.Append($"\\u{(int)s[i]:x4}"); else sb.Append(s[i]);
            }
        }
        return sb.Append('"').ToString();
    }

    private static readonly string[] Shapes =
    [
        """{"custom_id":@,"result":{"type":"succeeded","message":{"id":"msg_1","type":"message","role":"assistant","model":@,"content":[{"type":"text","text":@,"citations":[{"type":"char_location","cited_text":@,"document_index":0,"document_title":@,"start_char_index":0,"end_char_index":1}]},{"type":"thinking","thinking":@,"signature":"x"}],"stop_reason":@,"stop_sequence":@,"usage":{"input_tokens":1,"output_tokens":2}}}}""",
        """{"custom_id":"a","result":{"type":"succeeded","message":{"model":"m","content":[{"type":"tool_use","id":"t","name":@,"input":{@:@,"k":[@]}},{"type":"server_tool_use","id":"s","name":"web_search","input":{"query":@}},{"type":"web_search_tool_result","tool_use_id":"s","content":[{"type":"web_search_result","url":@,"title":@,"encrypted_content":"e"}]},{"type":@,"x":@}],"stop_reason":"tool_use"}}}""",
        """{"custom_id":@,"result":{"type":"errored","error":{"type":"error","error":{"type":@,"message":@},"request_id":@}}}""",
        """{"custom_id":"b","result":{"type":"succeeded","message":{"content":[{"type":"mcp_tool_result","tool_use_id":"m","is_error":false,"content":@},{"type":"bash_code_execution_tool_result","tool_use_id":"b","content":{"type":"bash_code_execution_result","stdout":@,"stderr":@,"return_code":0,"content":[]}},{"type":"text_editor_code_execution_tool_result","tool_use_id":"e","content":{"type":"text_editor_code_execution_view_result","file_type":"text","content":@,"lines":[@]}},{"type":"compaction","content":@},{"type":"container_upload","file_id":@}]}}}""",
        """{"custom_id":"c","result":{"type":@}}""",
    ];

    [Fact]
    public void Random_unicode_in_json_escapes_never_throws_and_reaches_views_well_formed()
    {
        int wellFormedInputs = 0, unparseable = 0;
        var gen = Gen.Select(Gen.Int[0, Shapes.Length - 1], AnyText.Array[12, 12], Gen.ULong);
        gen.Sample((shape, texts, mask) =>
        {
            byte[] line = Build(shape, texts, mask);
            var pool = new StringPool();
            LineScan a = default, b = default;
            LineScanner.Scan(line, pool, ref a);
            LineScanner.ScanPrecisely(line, pool, ref b);
            Assert.Equal(a.Problem is null, b.Problem is null);
            Assert.True(TextChecks.IsWellFormed(a.CustomId));
            if (a.PreviewOffset >= 0)
                Assert.True(TextChecks.IsWellFormed(JsonPreview.Decode(line.AsSpan(a.PreviewOffset, a.PreviewLength), 100)));

            var detail = ResultDetail.Parse(line, knownProblem: a.Problem);
            if (detail.Kind == ResultKind.Unparseable) unparseable++;
            Assert.True(TextChecks.IsWellFormed(detail.CustomId));
            TextChecks.AssertWellFormed(detail.Nodes);
            Assert.True(TextChecks.IsWellFormed(detail.PrettyJson));
            if (texts.All(TextChecks.IsWellFormed))
            {
                wellFormedInputs++;
                Assert.Null(a.Problem); // well-formed text in valid JSON is a result, however odd the text
            }
        }, iter: Runs.Of(Iterations), threads: 1, print: t => Mutation.Show(Build(t.Item1, t.Item2, t.Item3)));
        output.WriteLine($"{Runs.Of(Iterations)} lines ({wellFormedInputs} with only well-formed text, {unparseable} shown as unparseable)");
    }

    private static byte[] Build(int shape, string[] texts, ulong mask)
    {
        var sb = new StringBuilder();
        int n = 0;
        foreach (char c in Shapes[shape])
        {
            if (c == '@') sb.Append(Literal(texts[n++ % texts.Length], mask * (ulong)(n + 1)));
            else sb.Append(c);
        }
        // Lone surrogates only ever appear escaped, so the UTF-8 is valid.
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
