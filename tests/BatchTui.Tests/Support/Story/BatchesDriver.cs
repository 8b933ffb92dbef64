using BatchTui.Tui.Batches;
using System.Text.RegularExpressions;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Support;

/// <summary>
/// The batch list as shown: its frame title and its rows, top to bottom, the selected one marked <c>▶</c>. Rows are
/// named by their batch's full id at any width (the list cuts long ids; the driver cuts the expected one the same way).
/// <code>t.Batches().Lines(Contains(newest).IsSelected(), Contains(second), AnyLine())</code>
/// </summary>
public sealed partial class BatchesDriver
{
    private readonly Story _t;

    internal BatchesDriver(Story t)
    {
        _t = t;
        _ = Read();
    }

    private sealed record Shown(ScreenText.Box Frame, IReadOnlyList<(string Text, bool Selected)> Rows, Func<string, string> Shorten, string Screen);

    private Shown Read()
    {
        IReadOnlyList<string> lines = _t.Lines();
        string screen = string.Join('\n', lines);
        ScreenText.Box frame = ScreenText.Frame(lines, "Batches") ?? throw new Xunit.Sdk.XunitException($"the batch list is not on screen:\n{screen}");
        int width = frame.Inner.Count > 0 ? frame.Inner[0].Length : 0;
        int idWidth = new BatchRowRenderer(width).IdWidth;
        // A batch row: marker, the id cell, then a status word (messages such as "no batches yet" are not rows).
        var rows = frame.Inner.Skip(1)
            .Where(l => l.Length > idWidth + 3 && Status().IsMatch(l[(BatchRowRenderer.UnselectedMarker.Length + idWidth + 1)..]))
            .Select(l => (l, l.StartsWith(BatchRowRenderer.SelectedMarker[0]))).ToList();
        return new Shown(frame, rows, id => BatchRowRenderer.ShortId(id, idWidth), screen);
    }

    [GeneratedRegex(@"^(in_progress|canceling|ended|unknown|malformed) ")]
    private static partial Regex Status();

    /// <summary>The rows' text as shown (marker included), top to bottom.</summary>
    public IReadOnlyList<string> Rows => Read().Rows.Select(r => r.Text).ToList();

    public BatchesDriver Title(TextMatcher title)
    {
        Shown s = Read();
        Assert.True(title.Test(s.Frame.Title), $"the list is titled \"{s.Frame.Title}\"; expected: {title}");
        return this;
    }

    /// <summary>Exactly these rows are on screen, in this order.</summary>
    public BatchesDriver Lines(params TextMatcher[] rows)
    {
        Shown s = Read();
        if (s.Rows.Count != rows.Length)
            Assert.Fail($"the list shows {s.Rows.Count} rows, expected {rows.Length}; screen:\n{s.Screen}");
        ScreenText.AssertRows("the batch list", s.Rows, 0, rows, s.Shorten, s.Screen);
        return this;
    }

    /// <summary>The list starts with these rows, in this order.</summary>
    public BatchesDriver TopLines(params TextMatcher[] rows)
    {
        Shown s = Read();
        ScreenText.AssertRows("the batch list", s.Rows, 0, rows, s.Shorten, s.Screen);
        return this;
    }

    /// <summary>These rows are on screen next to each other, in this order, somewhere in the list.</summary>
    public BatchesDriver ContainsLines(params TextMatcher[] rows)
    {
        Shown s = Read();
        for (int start = 0; start + rows.Length <= s.Rows.Count; start++)
        {
            if (rows.Select((m, i) => m.Test(s.Rows[start + i].Text, s.Shorten)).All(ok => ok))
            {
                ScreenText.AssertRows("the batch list", s.Rows, start, rows, s.Shorten, s.Screen);
                return this;
            }
        }
        Assert.Fail($"the list has no run of rows that {string.Join(", then ", rows.Select(r => r.ToString()))}; screen:\n{s.Screen}");
        return this;
    }

    /// <summary>Rows are shown, and every one matches (a filter's effect).</summary>
    public BatchesDriver AllLines(TextMatcher row)
    {
        Shown s = Read();
        Assert.True(s.Rows.Count > 0, $"the list shows no rows; screen:\n{s.Screen}");
        foreach ((string text, _) in s.Rows)
            Assert.True(row.Test(text, s.Shorten), $"the row \"{text.TrimEnd()}\" does not match: {row}; screen:\n{s.Screen}");
        return this;
    }

    /// <summary>No row on screen matches.</summary>
    public BatchesDriver DoesNotShow(TextMatcher row)
    {
        Shown s = Read();
        Assert.False(s.Rows.Any(r => row.Test(r.Text, s.Shorten)), $"a row {row}; screen:\n{s.Screen}");
        return this;
    }

    /// <summary>One row is selected, and it matches.</summary>
    public BatchesDriver SelectedLine(TextMatcher row)
    {
        Shown s = Read();
        var selected = s.Rows.Where(r => r.Selected).ToList();
        Assert.True(selected.Count == 1 && row.Test(selected[0].Text, s.Shorten), $"expected one selected row that {row}; screen:\n{s.Screen}");
        return this;
    }

    /// <summary>No batch rows; the list says <paramref name="message"/> instead.</summary>
    public BatchesDriver IsEmpty(string message)
    {
        Shown s = Read();
        Assert.True(s.Rows.Count == 0 && s.Frame.Inner.Any(l => l.Contains(message, StringComparison.Ordinal)),
            $"expected an empty list saying \"{message}\"; screen:\n{s.Screen}");
        return this;
    }

    /// <summary>Moves the selection to <paramref name="batchId"/> with j/k as a user would, reading the screen.</summary>
    public BatchesDriver Select(string batchId)
    {
        for (int presses = 0; presses < 1000; presses++)
        {
            Shown s = Read();
            int at = s.Rows.ToList().FindIndex(r => r.Text.Contains(s.Shorten(batchId), StringComparison.Ordinal));
            int selected = s.Rows.ToList().FindIndex(r => r.Selected);
            if (at >= 0 && at == selected) return this;
            if (presses == 0 && at < 0) _t.Press("g"); // not in view: walk down from the top
            else _t.Press(at >= 0 && at < selected ? "k" : "j");
        }
        throw new Xunit.Sdk.XunitException($"could not select {batchId} on this page; screen:\n{_t.Screen()}");
    }

    /// <summary>The detail of the selected batch, beside or below the list.</summary>
    public DetailDriver Detail() => new(_t);

    /// <summary>Presses a key of the list (a convenience for chains: <c>.Select(id).Press("c")</c>).</summary>
    public Story Press(params object[] keys) => _t.Press(keys);

    /// <summary>Opens the selected batch (results browser, or a flash saying why not).</summary>
    public Story Enter() => _t.Press(Key.Enter);
}
