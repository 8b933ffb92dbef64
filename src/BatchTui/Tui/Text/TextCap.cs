using BatchTui.Core.Results.Blocks;
using BatchTui.Core.Text;
using System.Text;

namespace BatchTui.Tui.Text;

/// <summary>
/// The part of a text a view shows at once. A 50 MB text block took minutes to wrap and a gigabyte to hold as lines;
/// the first <see cref="MaxChars"/> chars wrap in an instant, and a last line says how much is left and where it is.
/// </summary>
public static class TextCap
{
    public const int MaxChars = 64 * 1024;

    /// <param name="rest">What the user can do for the rest, e.g. "v shows raw / w exports".</param>
    public static string Head(string text, string rest, int max = MaxChars)
    {
        if (text.Length <= max) return text;
        string head = TextWidth.Head(text, max);
        long more = Encoding.UTF8.GetByteCount(text.AsSpan(head.Length));
        return $"{head}\n\n… {Units.Bytes(more)} more, {rest}";
    }
}
