using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Shell;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace BatchTui.Tests.Editor;

/// <summary>The editor inside the real app (AppShell through <see cref="TuiDriver"/>), as the editor tests open it.</summary>
internal static class EditorApp
{
    /// <summary>The app with the editor wired to <paramref name="stores"/>, opened as a user does: <c>n</c> in the list.</summary>
    public static (TuiDriver T, RequestEditorPane Editor) Open(IBatchesApi api, FakeTimeProvider time, EditorStores stores,
        int cols = 100, int rows = 30, string theme = "dark")
    {
        var t = TuiDriver.Start(api, time, cols, rows, factories: Wired(stores), theme: theme);
        t.Press("n");
        return (t, Assert.IsType<RequestEditorPane>(t.Shell.Top));
    }

    /// <summary>Read-only mode has no <c>n</c>: the editor is pushed onto the real shell directly.</summary>
    public static (TuiDriver T, RequestEditorPane Editor) OpenReadOnly(IBatchesApi api, FakeTimeProvider time, EditorStores stores)
    {
        var t = TuiDriver.Start(api, time, readOnly: true, factories: Wired(stores));
        RequestEditorPane editor = RequestEditorPane.Open(t.Shell, api, stores);
        t.Settle();
        Assert.Same(editor, t.Shell.Top);
        return (t, editor);
    }

    private static PaneFactories Wired(EditorStores stores) =>
        new(Editor: (shell, api, created) => RequestEditorPane.Create(shell, api, stores, onSubmitted: created));

    /// <summary>Types into the focused field: a newline is Enter, a space is Space.</summary>
    public static TuiDriver TypeText(this TuiDriver t, string text)
    {
        foreach (char c in text) t.App.InjectKey(c switch { '\n' => Key.Enter, ' ' => Key.Space, _ => new Key(c) });
        return t.Settle();
    }

    /// <summary>Lets the validation debounce run out and waits for the check (and any draft write) to finish.</summary>
    public static TuiDriver Validated(this TuiDriver t, RequestEditorPane editor) =>
        t.Advance(RequestEditorModel.ValidateDelay + TimeSpan.FromMilliseconds(100)).Until(() => editor.WhenIdle().IsCompleted, "the editor's background work");
}
