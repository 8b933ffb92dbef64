using BatchTui.Core.Input;
using BatchTui.Core.Results.Model;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Requests;

/// <summary>
/// Reads a requests text in any of the three shapes users have at hand — JSONL (one request per line), the create
/// body <c>{"requests":[...]}</c>, or a bare array — and reports every syntax error at its line and column.
/// In JSONL each line is read on its own, so one broken line does not hide the others.
/// </summary>
public static class RequestsParser
{
    public static ParsedRequests Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Reads and parses a requests file (or pipe). More than <paramref name="maxBytes"/> (default: the API's 256 MB
    /// body limit) is refused while reading with <see cref="InputTooLargeException"/>: a batch could not hold it anyway.
    /// </summary>
    public static async Task<ParsedRequests> ParseFileAsync(string path, long? maxBytes = null, CancellationToken ct = default) =>
        Parse(await BoundedFile.ReadAllBytesAsync(path, maxBytes ?? BatchLimits.Api.MaxBodyBytes, "the requests file",
            "a batch holds at most that much; split the requests into smaller batches", ct));

    public static ParsedRequests Parse(ReadOnlyMemory<byte> utf8)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.Span.StartsWith(bom)) utf8 = utf8[3..];
        var text = new SourceText(utf8);

        int first = FirstNonWhitespace(utf8.Span);
        if (first < 0) return new ParsedRequests(RequestsFormat.Jsonl, [], []);
        if (utf8.Span[first] == (byte)'[') return ParseDocument(text);
        if (utf8.Span[first] != (byte)'{') return ParseJsonl(text);

        // An object first: JSONL when the first line alone is a request, otherwise one JSON document.
        (int start, int end) firstLine = text.LineRange(text.LineOf(first));
        if (TryReadObject(utf8.Span[firstLine.start..firstLine.end], out bool hasRequests))
            return hasRequests ? ParseDocument(text) : ParseJsonl(text);
        ParsedRequests document = ParseDocument(text);
        if (document.HasErrors && OtherLinesLookLikeJsonl(text)) return ParseJsonl(text);
        return document;
    }

    /// <summary>The first syntax error of a text holding one JSON value (a form's tools field), or null.</summary>
    public static JsonSyntaxError? FirstJsonError(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var text = new SourceText(bytes);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            reader.Read();
            JsonElement.ParseValue(ref reader);
            return reader.Read() ? text.ErrorAtOffset((int)reader.TokenStartIndex, "unexpected content after the JSON value") : null;
        }
        catch (JsonException e)
        {
            return text.ErrorAt(0, e);
        }
    }

    private static ParsedRequests ParseJsonl(SourceText text)
    {
        var entries = new List<RequestEntry>();
        var errors = new List<JsonSyntaxError>();
        int index = 0;
        for (int line = 0; line < text.LineCount; line++)
        {
            (int start, int end) = text.LineRange(line);
            ReadOnlySpan<byte> span = text.Bytes.Span[start..end];
            if (FirstNonWhitespace(span) < 0) continue;
            index++;
            var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            try
            {
                reader.Read();
                JsonElement value = JsonElement.ParseValue(ref reader);
                if (reader.Read()) throw new JsonException("unexpected content after the request", null, 0, reader.TokenStartIndex);
                int bad = JsonText.FirstUndecodable(span, out string why);
                if (bad >= 0) errors.Add(text.ErrorAtOffset(start + bad, why));
                else entries.Add(new RequestEntry(index, line + 1, value));
            }
            catch (JsonException e)
            {
                errors.Add(text.ErrorAt(start, e));
            }
        }
        return new ParsedRequests(RequestsFormat.Jsonl, entries, errors);
    }

    private static ParsedRequests ParseDocument(SourceText text)
    {
        var entries = new List<RequestEntry>();
        var errors = new List<JsonSyntaxError>();
        RequestsFormat format = RequestsFormat.Array;
        var reader = new Utf8JsonReader(text.Bytes.Span);
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadItems(ref reader, text, entries, errors);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                format = RequestsFormat.Body;
                int objectStart = (int)reader.TokenStartIndex;
                bool found = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isRequests = reader.ValueTextEquals("requests"u8);
                    reader.Read();
                    if (!isRequests) { reader.Skip(); continue; }
                    found = true;
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        errors.Add(text.ErrorAtOffset((int)reader.TokenStartIndex, "\"requests\" must be an array of requests"));
                        reader.Skip();
                    }
                    else ReadItems(ref reader, text, entries, errors);
                }
                if (!found)
                    errors.Add(text.ErrorAtOffset(objectStart, "expected {\"requests\": [...]}, a JSON array of requests, or one request per line"));
            }
            else
            {
                errors.Add(text.ErrorAtOffset((int)reader.TokenStartIndex, "expected a JSON object or array"));
            }
            if (reader.Read())
                errors.Add(text.ErrorAtOffset((int)reader.TokenStartIndex, "unexpected content after the end of the JSON document"));
        }
        catch (JsonException e)
        {
            errors.Add(text.ErrorAt(0, e));
        }
        catch (InvalidOperationException)
        {
            // A key outside the requests with half a surrogate pair in its escape: report it where it stands.
            errors.Add(text.ErrorAtOffset((int)reader.TokenStartIndex, "a key holds half of a surrogate pair (an escape such as \\ud83d without its partner)"));
        }
        return new ParsedRequests(format, entries, errors);
    }

    private static void ReadItems(ref Utf8JsonReader reader, SourceText text, List<RequestEntry> entries, List<JsonSyntaxError> errors)
    {
        int position = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int start = (int)reader.TokenStartIndex;
            JsonElement value = JsonElement.ParseValue(ref reader);
            position++;
            // A request whose text does not decode is reported at its place and left out, like a broken JSONL line.
            int bad = JsonText.FirstUndecodable(text.Bytes.Span[start..(int)reader.BytesConsumed], out string why);
            if (bad >= 0) errors.Add(text.ErrorAtOffset(start + bad, $"request #{position}: {why}"));
            else entries.Add(new RequestEntry(position, text.LineOf(start) + 1, value));
        }
    }

    /// <summary>Whether the line starts with a complete JSON object (trailing junk is the JSONL reader's to report).</summary>
    private static bool TryReadObject(ReadOnlySpan<byte> line, out bool hasRequests, bool wholeLine = false)
    {
        hasRequests = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowMultipleValues = true });
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject) return false;
            using var doc = JsonDocument.ParseValue(ref reader);
            if (wholeLine && reader.Read()) return false;
            hasRequests = doc.RootElement.TryGetProperty("requests", out _);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool OtherLinesLookLikeJsonl(SourceText text)
    {
        for (int line = 1; line < text.LineCount; line++)
        {
            (int start, int end) = text.LineRange(line);
            if (TryReadObject(text.Bytes.Span[start..end], out bool hasRequests, wholeLine: true) && !hasRequests) return true;
        }
        return false;
    }

    private static int FirstNonWhitespace(ReadOnlySpan<byte> span)
    {
        for (int i = 0; i < span.Length; i++)
            if (span[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return i;
        return -1;
    }

    /// <summary>The UTF-8 text with its line starts, to turn byte offsets into line and character column.</summary>
    private sealed class SourceText
    {
        private readonly List<int> _lineStarts = [0];

        public SourceText(ReadOnlyMemory<byte> bytes)
        {
            Bytes = bytes;
            ReadOnlySpan<byte> span = bytes.Span;
            for (int i = 0; i < span.Length; i++)
                if (span[i] == (byte)'\n') _lineStarts.Add(i + 1);
        }

        public ReadOnlyMemory<byte> Bytes { get; }
        public int LineCount => _lineStarts.Count;

        public (int Start, int End) LineRange(int line)
        {
            int start = _lineStarts[line];
            int end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : Bytes.Length;
            return (start, end);
        }

        public int LineOf(int offset)
        {
            int i = _lineStarts.BinarySearch(offset);
            return i >= 0 ? i : ~i - 1;
        }

        public JsonSyntaxError ErrorAtOffset(int offset, string message)
        {
            int line = LineOf(offset);
            return new JsonSyntaxError(line + 1, Column(_lineStarts[line], offset), message);
        }

        /// <summary>An exception from a reader that started at <paramref name="readerStart"/>.</summary>
        public JsonSyntaxError ErrorAt(int readerStart, JsonException e)
        {
            int readerLine = LineOf(readerStart);
            int line = readerLine + (int)(e.LineNumber ?? 0);
            int lineStart = e.LineNumber is null or 0 ? readerStart : _lineStarts[Math.Min(line, _lineStarts.Count - 1)];
            int offset = Math.Min(lineStart + (int)(e.BytePositionInLine ?? 0), Bytes.Length);
            return new JsonSyntaxError(line + 1, Column(_lineStarts[LineOf(lineStart)], offset), CleanMessage(e.Message));
        }

        private int Column(int lineStart, int offset) =>
            Encoding.UTF8.GetCharCount(Bytes.Span[lineStart..Math.Max(lineStart, offset)]) + 1;

        // System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 5." — we show our own position instead.
        private static string CleanMessage(string message)
        {
            int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            string m = at >= 0 ? message[..at] : message;
            return m.TrimEnd();
        }
    }
}
