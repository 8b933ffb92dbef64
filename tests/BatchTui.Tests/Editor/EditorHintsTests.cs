using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;

using static BatchTui.Tests.Editor.RetryFixtures;

namespace BatchTui.Tests.Editor;

/// <summary>The editor's hint line in the real shell, on the smallest terminal the app supports.</summary>
public sealed class EditorHintsTests
{
    [Fact]
    public async Task At_80x24_the_hint_line_keeps_validate_submit_help_and_the_way_back()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: Wired(stores, new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time)));
        t.Press("n");
        Assert.IsType<RequestEditorPane>(t.Shell.Top);
        string hints = t.Lines()[^1];
        foreach (string hint in new[] { "F2 validate", "Ctrl+S submit", "? help", "q quit", "Esc back" })
            Assert.Contains(hint, hints);
    }

    [Fact]
    public async Task In_a_text_field_a_question_mark_is_text_and_F1_opens_help()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: Wired(stores, new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time)));
        t.Press("n");
        var editor = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        t.Press("?");
        Assert.IsType<RequestEditorPane>(t.Shell.Top); // typed into the focused field, not the help
        t.Press(Terminal.Gui.Input.Key.F1);
        Assert.Contains("Help:", t.Screen());
        Assert.Contains(t.Lines(), l => l.Contains("F1") && l.Contains("help, also from inside a text field"));
        t.Press(Terminal.Gui.Input.Key.F1);
        Assert.Same(editor, t.Shell.Top);
    }

    [Fact]
    public async Task The_focused_field_is_marked_in_the_form_and_the_mark_follows_Tab()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: Wired(stores, new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time)));
        t.Press("n");
        Assert.IsType<RequestEditorPane>(t.Shell.Top);
        // The mark is a glyph, not a colour: it reads in mono and with NO_COLOR as well.
        Assert.Single(t.Lines(), l => l.Contains("▸Model"));
        Assert.Single(t.Lines(), l => l.Contains('▸'));
        t.Press(Terminal.Gui.Input.Key.Tab);
        Assert.Single(t.Lines(), l => l.Contains("▸max_tokens"));
        Assert.DoesNotContain(t.Lines(), l => l.Contains("▸Model"));
    }
}
