using System.Text.RegularExpressions;

namespace BatchTui.Tests.Support;

/// <summary>
/// What a line on screen should say, and (in a list) whether it is the selected one:
/// <c>Contains(id).IsSelected()</c>. Made by <see cref="Matchers"/>; a list driver may pass the way it cuts long
/// ids (<see cref="Shorten"/>) so a story names a batch by its full id at any width.
/// </summary>
public sealed class TextMatcher
{
    private readonly Func<string, Func<string, string>?, bool> _test;

    internal TextMatcher(string description, Func<string, Func<string, string>?, bool> test, bool selected = false)
    {
        Description = description;
        _test = test;
        Selected = selected;
    }

    public string Description { get; }

    /// <summary>The line is expected to be the selected one (asserted by list drivers).</summary>
    public bool Selected { get; }

    public TextMatcher IsSelected() => new(Description, _test, selected: true);

    /// <summary>Both match the same line: <c>Contains(id).And(Contains("canceling"))</c>.</summary>
    public TextMatcher And(TextMatcher other) =>
        new($"{Description} and {other.Description}", (s, shorten) => Test(s, shorten) && other.Test(s, shorten), Selected || other.Selected);

    /// <param name="shorten">How the screen cuts an id too long for its column (a list's id column), or null.</param>
    public bool Test(string text, Func<string, string>? shorten = null) => _test(text, shorten);

    public override string ToString() => Selected ? $"{Description}, selected" : Description;
}

/// <summary>The matchers a story names lines with (<c>using static BatchTui.Tests.Support.Matchers;</c>).</summary>
public static class Matchers
{
    /// <summary>The line contains <paramref name="text"/> (or, in a list, the cut form the list shows of it).</summary>
    public static TextMatcher Contains(string text) =>
        new($"contains \"{text}\"", (s, shorten) => s.Contains(text, StringComparison.Ordinal)
            || (shorten is not null && s.Contains(shorten(text), StringComparison.Ordinal)));

    public static TextMatcher DoesNotContain(string text) =>
        new($"does not contain \"{text}\"", (s, shorten) => !s.Contains(text, StringComparison.Ordinal)
            && (shorten is null || !s.Contains(shorten(text), StringComparison.Ordinal)));

    /// <summary>The line, trimmed of the padding a view adds, is exactly <paramref name="text"/>.</summary>
    public static TextMatcher Is(string text) => new($"is \"{text}\"", (s, _) => s.Trim() == text);

    public static TextMatcher MatchesRegex(string pattern) =>
        new($"matches /{pattern}/", (s, _) => Regex.IsMatch(s, pattern, RegexOptions.CultureInvariant));

    /// <summary>Any line at all (a place holder in <c>Lines(…)</c> when only the count and order matter).</summary>
    public static TextMatcher AnyLine() => new("any line", (_, _) => true);
}
