using BatchTui.Core.Results.Index;
using CsCheck;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Xunit.Abstractions;

namespace BatchTui.Core.Tests.Properties;

/// <summary>
/// The index's fast paths against plain references (issue 17): the 64-byte string skipper against a byte-by-byte
/// reading of the JSON string grammar, and whole files — lines straddling read blocks, lines longer than a block,
/// CRLF, blank lines, invalid UTF-8, raw controls, truncation — indexed on one thread, on several, and in the TUI's
/// mode (one thread, then every core mid-pass) against a classifier built on <see cref="JsonDocument"/>.
/// </summary>
public sealed class FastPathProperties(ITestOutputHelper output)
{
    // ---- the string skipper -----------------------------------------------------------------------------------------

    private static readonly byte[][] StringAlphabet =
    [
        "a"u8.ToArray(), "b"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "\\"u8.ToArray(), "n"u8.ToArray(), "u"u8.ToArray(),
        "0"u8.ToArray(), "F"u8.ToArray(), "/"u8.ToArray(), "t"u8.ToArray(), "x"u8.ToArray(), " "u8.ToArray(), [0x01], [0x1F], [0x7F],
        "é"u8.ToArray(), "🙂"u8.ToArray(), "ש"u8.ToArray(), [0xFF], [0x80], "\\u00e9"u8.ToArray(), "\\\\"u8.ToArray(), "\\\""u8.ToArray(),
    ];

    [Fact]
    public void String_skipper_agrees_with_a_byte_by_byte_reading()
    {
        int closed = 0, unicode = 0, invalid = 0;
        Gen.Select(Gen.Int[0, 130], Gen.Int[0, StringAlphabet.Length - 1].Array[0, 300]).Sample((shift, picks) =>
        {
            var bytes = new List<byte>();
            bytes.AddRange(Enumerable.Repeat((byte)'a', shift)); // moves the 64-byte blocks against the string's content
            bytes.Add((byte)'"');
            foreach (int p in picks) bytes.AddRange(StringAlphabet[p]);
            byte[] s = [.. bytes];
            var reference = ReadString(s, shift + 1);
            var got = JsonStringSkipper.Skip(s, shift + 1, out int end, out bool escaped);
            if (got == JsonStringSkipper.Outcome.Unicode)
            {
                Assert.True(reference.SawUnicodeEscape, "the skipper handed over without a \\u escape");
                unicode++;
                return;
            }
            Assert.Equal((reference.Outcome, reference.End, reference.Escaped), (got, got == JsonStringSkipper.Outcome.Closed ? end : -1, got == JsonStringSkipper.Outcome.Closed && escaped));
            if (got == JsonStringSkipper.Outcome.Closed) closed++; else invalid++;
        }, iter: Runs.Of(20_000), threads: 1, print: t => $"shift {t.Item1}: {string.Join(" ", t.Item2.Select(p => Convert.ToHexString(StringAlphabet[p])))}");
        output.WriteLine($"{closed} closed, {invalid} invalid, {unicode} handed to the \\u path");
    }

    /// <summary>The JSON string grammar read one byte at a time (RFC 8259 §7).</summary>
    private static (JsonStringSkipper.Outcome Outcome, int End, bool Escaped, bool SawUnicodeEscape) ReadString(byte[] s, int start)
    {
        bool escaped = false, sawU = false;
        for (int i = start; i < s.Length; i++)
        {
            byte b = s[i];
            if (b == '"') return (JsonStringSkipper.Outcome.Closed, i, escaped, sawU);
            if (b < 0x20) break;
            if (b != '\\') continue;
            escaped = true;
            if (i + 1 >= s.Length) break;
            byte e = s[i + 1];
            if (e == 'u')
            {
                sawU = true;
                if (i + 6 > s.Length || !s.AsSpan(i + 2, 4).ToArray().All(h => char.IsAsciiHexDigit((char)h))) break;
                i += 5;
            }
            else if ("\"\\/bfnrt"u8.Contains(e)) i++;
            else break;
        }
        return (JsonStringSkipper.Outcome.Invalid, -1, false, sawU);
    }

    // ---- whole files ------------------------------------------------------------------------------------------------

    private static readonly string[] TextPieces =
    [
        "plain words ", "\\\"quoted\\\" ", "line\\nbreak ", "tab\\there ", "back\\\\slash ", "\\/slash ", "\\u00e9\\u0301 ", "\\ud83d\\ude80 ",
        "🙂👩‍💻 ", "مرحبا ", "שלום ", "日本語 ", "e\u0301 ", "\\\\\\\" ",
    ];

    private static readonly byte[][] Damage =
    [
        [0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x01], [(byte)'"'], [(byte)'\\'], [(byte)'{'], [0xE2, 0x82],
    ];

    private sealed record LineSpec(int Kind, int TextBytes, int Damage, int DamageAt, bool Crlf, bool Blank, bool PythonStyle);

    private static readonly Gen<LineSpec> LineGen = Gen.Select(
        Gen.Int[0, 5],
        Gen.Frequency((90, Gen.Int[0, 3_000]), (8, Gen.Int[3_000, 300_000]), (2, Gen.Int[1 << 20, (1 << 20) + (1 << 19)])),
        Gen.Frequency((80, Gen.Const(-1)), (20, Gen.Int[0, Damage.Length])),
        Gen.Int[0, int.MaxValue], Gen.Int[0, 9].Select(i => i == 0), Gen.Int[0, 14].Select(i => i == 0), Gen.Bool,
        (kind, text, damage, at, crlf, blank, python) => new LineSpec(kind, text, damage, at, crlf, blank, python));

    [Fact]
    public void Every_line_of_a_file_is_classified_as_a_reference_classifier_does_in_every_scan_mode()
    {
        string dir = Directory.CreateTempSubdirectory("batchtui-fast-").FullName;
        int files = 0, lines = 0, bad = 0;
        try
        {
            Gen.Select(LineGen.Array[1, 30], Gen.Int[-1, 300], Gen.Int[0, 2], Gen.Int[0, int.MaxValue]).Sample((specs, alignTo, mode, seed) =>
            {
                byte[] file = Build(specs, alignTo, seed);
                string path = Path.Combine(dir, $"f{files++}.jsonl");
                File.WriteAllBytes(path, file);
                using ResultsIndex index = mode switch
                {
                    0 => ResultsIndex.Build(path, scanThreads: 1),
                    1 => ResultsIndex.Build(path, scanThreads: 3, IndexTuning.Tiny),
                    _ => OpenThenAllCores(path),
                };
                var expected = Classify(file);
                Assert.Equal(expected.Count, index.Count);
                for (int row = 0; row < index.Count; row++)
                {
                    ResultEntry e = index[row];
                    var (line, kind, id) = expected[row];
                    Assert.Equal(line, e.LineNumber);
                    Assert.Equal(kind, e.Kind);
                    if (kind != ResultKind.Unparseable) Assert.Equal(id, e.CustomId);
                    else
                    {
                        Assert.StartsWith($"line {line}: unparseable", index.Problem(row));
                        bad++;
                    }
                    lines++;
                }
            }, iter: Runs.Of(60), threads: 1, print: t => $"align {t.Item2}, mode {t.Item3}, seed {t.Item4}: {string.Join(" | ", t.Item1.Select(s => s.ToString()))}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        output.WriteLine($"{files} files, {lines} rows ({bad} unparseable)");
    }

    private static ResultsIndex OpenThenAllCores(string path)
    {
        ResultsIndex index = ResultsIndex.Open(path, IndexTuning.Tiny);
        index.WhenRows(1).Wait(TimeSpan.FromMinutes(1));
        index.UseAllCores();
        index.Completion.Wait(TimeSpan.FromMinutes(1));
        return index;
    }

    /// <summary>The file; with <paramref name="alignTo"/> ≥ 0 a filler line first puts the second line's start that many
    /// bytes before the end of the first read block.</summary>
    private static byte[] Build(LineSpec[] specs, int alignTo, int seed)
    {
        var rng = new Random(seed);
        var file = new List<byte>();
        if (alignTo >= 0)
        {
            int filler = IndexTuning.Default.BlockBytes - alignTo - 1;
            string head = """{"custom_id":"filler","result":{"type":"canceled"},"pad":""";
            int padLength = Math.Max(0, filler - head.Length - 3);
            file.AddRange(Encoding.UTF8.GetBytes(head + "\"" + new string('x', padLength) + "\"}"));
            file.Add((byte)'\n');
        }
        for (int i = 0; i < specs.Length; i++)
        {
            LineSpec spec = specs[i];
            if (spec.Blank) { file.AddRange(" \t"u8.ToArray()); file.Add((byte)'\n'); }
            byte[] line = Line(spec, i, rng);
            if (spec.Damage == Damage.Length) line = line[..(spec.DamageAt % (line.Length + 1))]; // truncated
            else if (spec.Damage >= 0)
            {
                int at = spec.DamageAt % (line.Length + 1);
                line = [.. line[..at], .. Damage[spec.Damage], .. line[at..]];
            }
            file.AddRange(line);
            if (spec.Crlf) file.Add((byte)'\r');
            if (i < specs.Length - 1 || rng.Next(4) > 0) file.Add((byte)'\n');
        }
        return [.. file];
    }

    private static byte[] Line(LineSpec spec, int i, Random rng)
    {
        var text = new StringBuilder();
        for (int bytes = 0; bytes < spec.TextBytes;)
        {
            string piece = TextPieces[rng.Next(TextPieces.Length)];
            text.Append(piece);
            bytes += Encoding.UTF8.GetByteCount(piece);
        }
        string c = spec.PythonStyle ? ", " : ",", k = spec.PythonStyle ? ": " : ":";
        string type = spec.Kind switch { 0 or 1 => "succeeded", 2 => "errored", 3 => "canceled", 4 => "expired", _ => "teleported" };
        string message = spec.Kind switch
        {
            0 or 1 => $"{c}\"message\"{k}{{\"model\"{k}\"m-{i % 3}\"{c}\"content\"{k}[{{\"type\"{k}\"text\"{c}\"text\"{k}\"{text}\"}}]{c}\"usage\"{k}{{\"input_tokens\"{k}{i}{c}\"output_tokens\"{k}7}}}}",
            2 => $"{c}\"error\"{k}{{\"type\"{k}\"error\"{c}\"error\"{k}{{\"type\"{k}\"overloaded_error\"{c}\"message\"{k}\"{text}\"}}}}",
            _ => "",
        };
        string result = $"\"result\"{k}{{\"type\"{k}\"{type}\"{message}}}";
        string id = $"\"custom_id\"{k}\"id-{i}-é🙂\"";
        return Encoding.UTF8.GetBytes(spec.Kind == 1 ? $"{{{result}{c}{id}}}" : $"{{{id}{c}{result}}}");
    }

    /// <summary>The reference: split on '\n', drop a '\r' before it, skip blank lines; a line is a result when it is valid
    /// UTF-8, one JSON object (System.Text.Json's document parser) with a string custom_id and an object result.</summary>
    private static List<(int Line, ResultKind Kind, string? Id)> Classify(byte[] file)
    {
        var rows = new List<(int, ResultKind, string?)>();
        int lineNumber = 0;
        for (int start = 0; start < file.Length;)
        {
            int nl = Array.IndexOf(file, (byte)'\n', start);
            int end = nl < 0 ? file.Length : nl;
            ReadOnlySpan<byte> line = file.AsSpan(start, end - start);
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            lineNumber++;
            start = end + 1;
            if (line.IndexOfAnyExcept(" \t"u8) < 0) continue;
            rows.Add((lineNumber, ClassifyLine(line, out string? id), id));
        }
        return rows;
    }

    private static ResultKind ClassifyLine(ReadOnlySpan<byte> line, out string? id)
    {
        id = null;
        if (!Utf8.IsValid(line)) return ResultKind.Unparseable;
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 1024 });
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ResultKind.Unparseable;
            if (!root.TryGetProperty("custom_id", out JsonElement cid) || cid.ValueKind != JsonValueKind.String) return ResultKind.Unparseable;
            if (!root.TryGetProperty("result", out JsonElement result) || result.ValueKind != JsonValueKind.Object) return ResultKind.Unparseable;
            id = cid.GetString();
            if (!result.TryGetProperty("type", out JsonElement type) || type.ValueKind != JsonValueKind.String) return ResultKind.Unknown;
            return type.GetString() switch
            {
                "succeeded" => ResultKind.Succeeded,
                "errored" => ResultKind.Errored,
                "canceled" => ResultKind.Canceled,
                "expired" => ResultKind.Expired,
                _ => ResultKind.Unknown,
            };
        }
        catch (JsonException)
        {
            return ResultKind.Unparseable;
        }
    }
}
