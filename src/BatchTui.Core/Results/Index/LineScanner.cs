using BatchTui.Core.Results.Model;
using System.Text.Json;
using System.Text.Unicode;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// Pulls the index fields out of one result line with a forward-only <see cref="Utf8JsonReader"/> over its raw bytes:
/// nothing is materialised, values it does not need are skipped. Never throws for bad input: it reports a problem.
/// </summary>
internal static class LineScanner
{
    /// <summary>Raw bytes kept for the preview: enough for ~100 characters after unescaping.</summary>
    public const int PreviewBytes = 480;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 1024, CommentHandling = JsonCommentHandling.Disallow };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Scan(ReadOnlySpan<byte> line, StringPool pool, ref LineScan scan)
    {
        if (Utf8.IsValid(line) && FastLineScanner.TryScan(line, pool, ref scan)) return;
        ScanPrecisely(line, pool, ref scan);
    }

    /// <summary>The reference scanner: slower, and the authority on bad lines and their wording.</summary>
    public static void ScanPrecisely(ReadOnlySpan<byte> line, StringPool pool, ref LineScan scan)
    {
        scan.Reset();
        if (!Utf8.IsValid(line))
        {
            scan.Problem = $"invalid UTF-8 at byte {InvalidUtf8At(line)}";
            return;
        }
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, new JsonReaderState(Options));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                scan.Problem = "not a JSON object";
                return;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (Is(ref reader, "custom_id"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) scan.CustomId = Text(ref reader);
                    else reader.Skip();
                }
                else if (Is(ref reader, "result"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject) { scan.HasResult = true; ReadResult(ref reader, pool, ref scan); }
                    else reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            // Trailing garbage after the object ("{...} x") is an error too.
            if (reader.Read()) { scan.Problem = $"unexpected data after the object at byte {reader.TokenStartIndex}"; return; }
        }
        catch (JsonException e)
        {
            scan.Problem = Describe(e, line.Length);
            return;
        }
        catch (InvalidOperationException e)
        {
            scan.Problem = e.Message;
            return;
        }
        if (scan.CustomId is null) scan.Problem = "not a result: no custom_id";
        else if (!scan.HasResult) scan.Problem = "not a result: no result object";
    }

    private static void ReadResult(ref Utf8JsonReader reader, StringPool pool, ref LineScan scan)
    {
        scan.Kind = ResultKind.Unknown;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, "type"u8))
            {
                reader.Read();
                scan.Kind = reader.TokenType != JsonTokenType.String ? ResultKind.Unknown
                    : Is(ref reader, "succeeded"u8) ? ResultKind.Succeeded
                    : Is(ref reader, "errored"u8) ? ResultKind.Errored
                    : Is(ref reader, "canceled"u8) ? ResultKind.Canceled
                    : Is(ref reader, "expired"u8) ? ResultKind.Expired
                    : ResultKind.Unknown;
                reader.Skip(); // a "type" that is an object or array is crossed whole
            }
            else if (Is(ref reader, "message"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadMessage(ref reader, pool, ref scan);
                else reader.Skip();
            }
            else if (Is(ref reader, "error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadError(ref reader, pool, ref scan);
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    // Errored results wrap the API envelope {"type":"error","error":{"type":..,"message":..}}; older lines put the
    // error object directly. Either way the innermost type other than "error" wins.
    private static void ReadError(ref Utf8JsonReader reader, StringPool pool, ref LineScan scan)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, "type"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && !Is(ref reader, "error"u8) && scan.Reason < 0)
                    scan.Reason = Intern(ref reader, pool);
                reader.Skip();
            }
            else if (Is(ref reader, "error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    short outer = scan.Reason;
                    scan.Reason = -1;
                    ReadError(ref reader, pool, ref scan);
                    if (scan.Reason < 0) scan.Reason = outer;
                }
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadMessage(ref Utf8JsonReader reader, StringPool pool, ref LineScan scan)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, "content"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray) ReadContent(ref reader, ref scan);
                else reader.Skip();
            }
            else if (Is(ref reader, "model"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) scan.Model = Intern(ref reader, pool);
                else reader.Skip();
            }
            else if (Is(ref reader, "stop_reason"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) scan.Reason = Intern(ref reader, pool);
                else reader.Skip();
            }
            else if (Is(ref reader, "usage"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadUsage(ref reader, ref scan);
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadUsage(ref Utf8JsonReader reader, ref LineScan scan)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = Is(ref reader, "input_tokens"u8) ? 1
                : Is(ref reader, "output_tokens"u8) ? 2
                : Is(ref reader, "cache_creation_input_tokens"u8) ? 3
                : Is(ref reader, "cache_read_input_tokens"u8) ? 4 : 0;
            reader.Read();
            if (field == 0 || reader.TokenType != JsonTokenType.Number) { reader.Skip(); continue; }
            int v = reader.TryGetInt64(out long l) ? (int)Math.Clamp(l, 0, int.MaxValue) : 0;
            switch (field)
            {
                case 1: scan.InputTokens = v; break;
                case 2: scan.OutputTokens = v; break;
                case 3: scan.CacheCreationTokens = v; break;
                default: scan.CacheReadTokens = v; break;
            }
        }
    }

    private static void ReadContent(ref Utf8JsonReader reader, ref LineScan scan)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            scan.BlockCount++;
            if (reader.TokenType != JsonTokenType.StartObject || scan.PreviewOffset >= 0) { reader.Skip(); continue; }
            // The first text block gives the preview; "type" may come before or after "text".
            bool isText = false;
            int textOffset = -1, textLength = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (Is(ref reader, "type"u8))
                {
                    reader.Read();
                    isText = reader.TokenType == JsonTokenType.String && Is(ref reader, "text"u8);
                    reader.Skip();
                }
                else if (Is(ref reader, "text"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        textOffset = (int)reader.TokenStartIndex + 1;
                        textLength = Math.Min(reader.ValueSpan.Length, PreviewBytes);
                    }
                    else reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (isText && textOffset >= 0) { scan.PreviewOffset = textOffset; scan.PreviewLength = textLength; }
        }
    }

    private static short Intern(ref Utf8JsonReader reader, StringPool pool)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return pool.Intern(reader.ValueSpan);
        return pool.Intern(Text(ref reader).AsSpan());
    }

    /// <summary>The token's text; half a surrogate pair in an escape reads as U+FFFD (valid JSON, odd text: still a
    /// result, as the fast scanner and the detail view see it).</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return JsonText.Decode(reader.ValueSpan);
        }
    }

    /// <summary><see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>, false instead of a throw when an
    /// escape in the token holds half a surrogate pair.</summary>
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> text)
    {
        try
        {
            return reader.ValueTextEquals(text);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static int InvalidUtf8At(ReadOnlySpan<byte> line)
    {
        int pos = 0;
        while (pos < line.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(line[pos..], out _, out int used) != System.Buffers.OperationStatus.Done) return pos;
            pos += used;
        }
        return pos;
    }

    /// <summary>Turns the reader's message into a short reason; truncation reads as "unexpected end of data".</summary>
    private static string Describe(JsonException e, int lineLength)
    {
        long at = e.BytePositionInLine ?? -1;
        string msg = e.Message;
        if (msg.Contains("reached end of data", StringComparison.Ordinal) || msg.Contains("Expected depth to be zero", StringComparison.Ordinal))
            return $"unexpected end of data after {lineLength} bytes (truncated line)";
        int cut = msg.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) msg = msg[..cut];
        msg = msg.TrimEnd('.', ' ');
        if (msg.Contains("after a single JSON value", StringComparison.Ordinal)) return $"unexpected data after the object at byte {at}";
        return at >= 0 ? $"{msg} at byte {at}" : msg;
    }
}
