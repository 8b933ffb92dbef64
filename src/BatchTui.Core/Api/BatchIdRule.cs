using System.Text;

namespace BatchTui.Core.Api;

/// <summary>
/// Which batch ids the app will put in a URL path or a file name. Ids are opaque, but every id the API issues is
/// letters, digits, '_' and '-'; anything else (<c>../x</c>, <c>a/b</c>, control characters, 10,000 characters) came
/// from a server that misbehaves, and acting on it could address another resource. Such a batch is still listed and
/// shown; only actions on it are refused, with <see cref="Problem"/> as the reason.
/// </summary>
public static class BatchIdRule
{
    public const int MaxLength = 200;
    private const int ShownChars = 40;

    /// <summary>Null when the id is usable; otherwise why not, in words, with the id shown safely.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "the batch has no id";
        if (id.Length > MaxLength) return $"the batch id is {id.Length:N0} characters long (ids are at most {MaxLength}): {Describe(id)}";
        int bad = id.AsSpan().IndexOfAnyExcept(Allowed);
        return bad < 0 ? null : $"the batch id {Describe(id)} holds {CharName(id[bad])}, which no batch id has";
    }

    public static bool IsUsable(string? id) => Problem(id) is null;

    /// <summary>Throws <see cref="UnusableBatchIdException"/> unless the id is usable.</summary>
    public static string Require(string? id) =>
        Problem(id) is { } why ? throw new UnusableBatchIdException(id ?? "", why) : id!;

    /// <summary>The id quoted for a message: control and format characters escaped, cut to 40 characters.</summary>
    public static string Describe(string id)
    {
        var sb = new StringBuilder("'");
        int shown = 0;
        foreach (Rune r in id.EnumerateRunes())
        {
            if (shown++ == ShownChars) { sb.Append('…'); break; }
            if (Rune.IsControl(r) || Rune.GetUnicodeCategory(r) is System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
                sb.Append(r.Value <= 0xFF ? $"\\x{r.Value:x2}" : $"\\u{r.Value:x4}");
            else sb.Append(r.ToString());
        }
        return sb.Append('\'').ToString();
    }

    private static string CharName(char c) => c switch
    {
        '/' => "'/'",
        '.' => "'.'",
        '\0' => "a NUL character",
        '\x1b' => "an escape character",
        _ when char.IsControl(c) => $"a control character (\\x{(int)c:x2})",
        _ when char.IsSurrogate(c) || c > 0x7E => $"a non-ASCII character (U+{(int)c:X4})",
        _ => $"'{c}'",
    };

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
}
