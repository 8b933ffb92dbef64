using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BatchTui.Core.Requests;

/// <summary>
/// custom_ids from a pattern: <c>{n}</c> is the 1-based input number, <c>{n:000}</c> the same zero-padded to the
/// width of the zeros. Everything else is copied as is.
/// </summary>
public sealed partial class CustomIdPattern
{
    private readonly List<(string Literal, int? Width)> _parts = [];

    private CustomIdPattern(string text) => Text = text;

    public string Text { get; }
    public bool HasNumber => _parts.Any(p => p.Width is not null);

    /// <summary>Null and an error message when the pattern has a placeholder we do not know.</summary>
    public static CustomIdPattern? TryParse(string text, out string? error)
    {
        error = null;
        var pattern = new CustomIdPattern(text);
        int at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            if (m.Index > at) pattern._parts.Add((text[at..m.Index], null));
            string inner = m.Groups[1].Value;
            if (inner == "n") pattern._parts.Add(("", 0));
            else if (inner.StartsWith("n:", StringComparison.Ordinal) && inner.Length > 2 && inner[2..].All(c => c == '0'))
                pattern._parts.Add(("", inner.Length - 2));
            else
            {
                error = $"unknown placeholder {{{inner}}} (use {{n}} or {{n:000}})";
                return null;
            }
            at = m.Index + m.Length;
        }
        if (at < text.Length) pattern._parts.Add((text[at..], null));
        return pattern;
    }

    public string Format(int n)
    {
        var sb = new StringBuilder();
        foreach ((string literal, int? width) in _parts)
            sb.Append(width is { } w ? n.ToString(new string('0', Math.Max(1, w)), CultureInfo.InvariantCulture) : literal);
        return sb.ToString();
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
