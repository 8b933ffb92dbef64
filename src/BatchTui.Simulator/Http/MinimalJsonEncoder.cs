using System.Text.Encodings.Web;

namespace BatchTui.Simulator.Http;

/// <summary>
/// Escapes only what JSON requires (controls below U+0020, quote, backslash) and writes everything else as raw UTF-8,
/// emoji and other characters outside the Basic Multilingual Plane included, as the API does. The stock encoders,
/// even the relaxed one, write those as <c>\uD83C\uDF89</c> pairs, and a client tested only on that never meets the
/// four-byte UTF-8 that real results hold.
/// </summary>
internal sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static readonly MinimalJsonEncoder Instance = new();

    private MinimalJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6; // \u001B

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (int i = 0; i < textLength; i++)
        {
            if (WillEncode(text[i])) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength,
        out int numberOfCharactersWritten)
    {
        string escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            < 0x20 => $"\\u{unicodeScalar:X4}",
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        numberOfCharactersWritten = 0;
        if (escaped.Length > bufferLength) return false;
        for (int i = 0; i < escaped.Length; i++) buffer[i] = escaped[i];
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
