using System.Text.RegularExpressions;

namespace BatchTui.Tests.Support;

/// <summary>
/// Reads the boxes of a text screen: a titled frame (<c>╭┤Batches · page 1├──╮</c>) and the confirm box
/// (<c>╔╡Cancel batch╞══╗</c>), each as its title and its inner lines, so drivers find a screen's parts by what a
/// user sees rather than by the view tree.
/// </summary>
internal static class ScreenText
{
    public sealed record Box(string Title, IReadOnlyList<string> Inner, int Top, int Left);

    /// <summary>The frame whose title starts with <paramref name="titleStart"/>, or null. Themes draw frames in their
    /// own line style (rounded <c>╭┤</c>, single <c>┌┤</c> in mono, heavy <c>┏┥</c> in high contrast).</summary>
    public static Box? Frame(IReadOnlyList<string> lines, string titleStart) => Find(lines, "╭┌┏", "┤┥┫", titleStart, "├┝┣", "╮┐┓", "│┃");

    /// <summary>The double-lined box on top (the confirmation), or null.</summary>
    public static Box? DoubleBox(IReadOnlyList<string> lines) => Find(lines, "╔", "╡", "", "╞", "╗", "║");

    private static Box? Find(IReadOnlyList<string> lines, string corners, string titleOpens, string titleStart, string titleEnds, string rightCorners, string sides)
    {
        var opening = new Regex($"[{corners}][{titleOpens}]{Regex.Escape(titleStart)}");
        for (int y = 0; y < lines.Count; y++)
        {
            Match m = opening.Match(lines[y]);
            if (!m.Success) continue;
            string top = lines[y];
            int left = m.Index, titleAt = left + 2;
            int titleStop = top.IndexOfAny(titleEnds.ToCharArray(), titleAt);
            int right = titleStop < 0 ? -1 : top.IndexOfAny(rightCorners.ToCharArray(), titleStop);
            if (titleStop < 0 || right < 0) return null;
            var inner = new List<string>();
            for (int row = y + 1; row < lines.Count && lines[row].Length > right && sides.Contains(lines[row][left]); row++)
                inner.Add(lines[row][(left + 1)..right]);
            return new Box(top[titleAt..titleStop], inner, y, left);
        }
        return null;
    }

    /// <summary>Asserts that <paramref name="matchers"/> match <paramref name="rows"/> in order; a matcher marked
    /// selected must hit a selected row, and when any is, the unmarked ones must hit unselected rows.</summary>
    public static void AssertRows(string what, IReadOnlyList<(string Text, bool Selected)> rows, int start,
        IReadOnlyList<TextMatcher> matchers, Func<string, string>? shorten, string screen)
    {
        bool selectionMatters = matchers.Any(m => m.Selected);
        for (int i = 0; i < matchers.Count; i++)
        {
            TextMatcher m = matchers[i];
            if (start + i >= rows.Count)
                Assert.Fail($"{what}: expected a line {start + i + 1} that {m}, but only {rows.Count} are shown; screen:\n{screen}");
            (string text, bool selected) = rows[start + i];
            if (!m.Test(text, shorten))
                Assert.Fail($"{what}: line {start + i + 1} \"{text.TrimEnd()}\" does not match: {m}; screen:\n{screen}");
            if (selectionMatters && selected != m.Selected)
                Assert.Fail($"{what}: line {start + i + 1} \"{text.TrimEnd()}\" is {(selected ? "" : "not ")}selected; expected {m}; screen:\n{screen}");
        }
    }
}
