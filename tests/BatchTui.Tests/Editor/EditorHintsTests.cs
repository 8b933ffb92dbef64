
using BatchTui.Core.Requests;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using Terminal.Gui.Input;
using static BatchTui.Tests.Editor.RetryFixtures;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tests.Editor;

/// <summary>The editor in the real shell, on the smallest terminal the app supports: hints, help, focus.</summary>
public sealed class EditorHintsTests : IAsyncLifetime
{
    private readonly TempFolder _dir = new();
    private World _w = null!;

    public async Task InitializeAsync() => _w = await World.StartAsync(seedWorld: false);

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>The app at 80x24 with the editor opened by <c>n</c>.</summary>
    private TuiDriver Editor(string theme = "dark")
    {
        EditorStores stores = EditorStores.At(Path.Combine(_dir.Path, "state"), _w.Time);
        var t = TuiDriver.Start(_w.Api, _w.Time, 80, 24, theme: theme, factories: Wired(stores, new ResultsStore(Path.Combine(_dir.Path, "cache"), _w.Time)));
        t.Press("n");
        Assert.IsType<RequestEditorPane>(t.Shell.Top);
        return t;
    }

    [Fact]
    public void At_80x24_the_hint_line_keeps_validate_submit_help_and_the_way_back()
    {
        using TuiDriver t = Editor();
        string hints = t.Lines()[^1];
        foreach (string hint in new[] { "F2 validate", "Ctrl+S submit", "? help", "q quit", "Esc back" })
            Assert.Contains(hint, hints);
    }

    [Fact]
    public void In_a_text_field_a_question_mark_is_text_and_F1_opens_help()
    {
        using TuiDriver t = Editor();
        var editor = t.Shell.Top;
        t.Press("?");
        Assert.IsType<RequestEditorPane>(t.Shell.Top); // typed into the focused field, not the help
        t.Press(Key.F1);
        Assert.Contains("Help:", t.Screen());
        Assert.Contains(t.Lines(), l => l.Contains("F1") && l.Contains("help, also from inside a text field"));
        t.Press(Key.F1);
        Assert.Same(editor, t.Shell.Top);
    }

    [Fact]
    public void The_focused_field_is_marked_in_the_form_and_the_mark_follows_Tab()
    {
        using TuiDriver t = Editor();
        // The mark is a glyph, not a colour: it reads in mono and with NO_COLOR as well.
        Assert.Single(t.Lines(), l => l.Contains("▸Model"));
        Assert.Single(t.Lines(), l => l.Contains('▸'));
        t.Press(Key.Tab);
        Assert.Single(t.Lines(), l => l.Contains("▸max_tokens"));
        Assert.DoesNotContain(t.Lines(), l => l.Contains("▸Model"));
    }

    [Fact]
    public void In_mono_the_focused_field_is_marked_and_drawn_in_reverse_and_both_follow_Tab()
    {
        using TuiDriver t = Editor("mono");
        var editor = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        Assert.Single(t.Lines(), l => l.Contains("▸Model"));
        Attribute model = FieldCell(t, editor.Form.Model), maxTokens = FieldCell(t, editor.Form.MaxTokens), system = FieldCell(t, editor.Form.System);
        Assert.NotEqual(model, maxTokens);
        Assert.Equal(maxTokens, system); // the unfocused fields all look alike
        // Without colour the focused field still reads: its colours are the others' reversed.
        Assert.Equal((maxTokens.Background, maxTokens.Foreground), (model.Foreground, model.Background));

        t.Press(Key.Tab);
        Assert.Single(t.Lines(), l => l.Contains("▸max_tokens"));
        Assert.DoesNotContain(t.Lines(), l => l.Contains("▸Model"));
        Assert.Equal(model, FieldCell(t, editor.Form.MaxTokens));
        Assert.Equal(maxTokens, FieldCell(t, editor.Form.Model));

        // Through the form to the message, and on out of it: Tab in a multi-line field moves on, not a tab character.
        t.Press(Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Tab);
        Assert.Single(t.Lines(), l => l.Contains("▸Message"));
        t.Press(Key.Tab);
        Assert.Single(t.Lines(), l => l.Contains("▸Inputs"));
        Assert.Equal(RequestTemplate.InputPlaceholder, editor.Form.Message.Value);
    }

    /// <summary>The attribute of the last cell of a field on screen (past its text: the field's own background).</summary>
    private static Attribute FieldCell(TuiDriver t, Terminal.Gui.ViewBase.View field)
    {
        t.Screen();
        System.Drawing.Rectangle r = field.FrameToScreen();
        return t.App.Driver!.Contents![r.Y, r.Right - 1].Attribute ?? throw new InvalidOperationException($"no attribute at {r}");
    }
}
