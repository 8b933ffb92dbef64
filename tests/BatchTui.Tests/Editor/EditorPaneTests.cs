using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace BatchTui.Tests.Editor;

/// <summary>The editor in the real shell (opened with <c>n</c>), with an API that must not be reached.</summary>
public sealed class EditorPaneTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "batchtui-editor-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly UnreachableApi _api = new();

    private EditorStores Stores => EditorStores.At(_state, _clock);

    public void Dispose()
    {
        try { Directory.Delete(_state, true); } catch (IOException) { }
    }

    [Fact]
    public void Form_typing_shows_an_error_then_fixing_it_clears_it()
    {
        var (t, pane) = EditorApp.Open(_api, _clock, Stores);
        using TuiDriver _ = t;

        // max_tokens: clear it and type a word
        pane.Form.MaxTokens.SetFocus();
        pane.Form.MaxTokens.Text = "";
        t.TypeText("lots").Validated(pane);
        string screen = t.Screen();
        output.WriteLine(screen);
        Assert.Contains("error: max_tokens: must be a whole number (got \"lots\")", screen);

        pane.Form.MaxTokens.Text = "";
        t.TypeText("2000");
        pane.Form.Inputs.FocusText();
        t.TypeText("alpha\nbeta\n").Validated(pane);
        screen = t.Screen();
        output.WriteLine(screen);
        Assert.DoesNotContain("must be a whole number", screen);
        Assert.Contains("no problems: 2 requests · no errors", screen);
        Assert.Contains("[Form] Raw · 2 requests · no errors", screen);
    }

    [Fact]
    public void Raw_editor_points_at_syntax_errors_by_line_and_column_and_f2_jumps_there()
    {
        var (t, pane) = EditorApp.Open(_api, _clock, Stores);
        using TuiDriver _ = t;
        t.Press(Key.F4);
        Assert.Equal(EditorMode.Raw, pane.Mode);
        pane.Raw.Text.Value = "";
        pane.Raw.Text.FocusText();
        t.TypeText("{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n");
        t.TypeText("{\"custom_id\":\"b\" \"params\":{}}");
        t.Press(Key.F2);
        string screen = t.Screen();
        output.WriteLine(screen);
        Assert.Contains("error 2:18: '\"' is invalid after a value. Expected either ',', '}', or ']'.", screen);
        Assert.Equal((2, 18), pane.Raw.Text.Caret);
        Assert.Contains("2:18", pane.Raw.Position);
    }

    [Fact]
    public void Validation_messages_name_the_request_and_field_in_the_raw_editor()
    {
        var (t, pane) = EditorApp.Open(_api, _clock, Stores, 120, 30);
        using TuiDriver _ = t;
        t.Press(Key.F4);
        pane.Raw.Text.Value =
            "{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n" +
            "{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"temperature\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n";
        t.Validated(pane);
        Assert.Equal(
        [
            "error: request #2 (custom_id \"a\", line 2): custom_id duplicates request #1: custom_ids must be unique in a batch",
            "error: request #2 (custom_id \"a\", line 2): params.temperature must be between 0 and 1 (got 1.5)",
        ], pane.ProblemLines.Order());
        Assert.Contains("2 requests · 2 errors", pane.StatusText);
    }

    [Fact]
    public void Form_switches_to_raw_carrying_its_requests()
    {
        var (t, pane) = EditorApp.Open(_api, _clock, Stores);
        using TuiDriver _ = t;
        pane.Form.Inputs.Value = "one\ntwo\n";
        pane.Form.Pattern.Text = "q-{n:00}";
        t.Press(Key.F4);
        Assert.Equal(EditorMode.Raw, pane.Mode);
        Assert.Equal(["q-01", "q-02"], CheckedRequests.Check(pane.Raw.Text.Value).Items.Select(i => i.CustomId));
        t.Press(Key.F4);
        Assert.Equal(EditorMode.Form, pane.Mode);
        t.Until(() => pane.WhenIdle().IsCompleted, "the editor's background work");
    }

    [Fact]
    public void Submit_with_errors_sends_nothing_and_says_why()
    {
        var (t, pane) = EditorApp.Open(_api, _clock, Stores);
        using TuiDriver _ = t;
        int before = _api.Calls; // the list's first load tried it
        pane.Form.Inputs.Value = "x";
        pane.Form.Temperature.Text = "7";
        t.Press(Key.S.WithCtrl);
        Assert.Equal(before, _api.Calls);
        t.ExpectFlash("not sent: 1 error, see Problems");
        Assert.Equal("not sent: 1 error, see Problems", t.Shell.LastFlash?.Text);
        Assert.Contains("error: request #1 (custom_id \"row-1\"): params.temperature must be between 0 and 1 (got 7)", t.Screen());
        t.Until(() => pane.WhenIdle().IsCompleted, "the editor's background work");
    }

    [Fact]
    public void Field_labels_and_file_names_keep_their_underscores()
    {
        var (t, pane) = EditorApp.Open(_api, _clock, Stores);
        using TuiDriver _ = t;
        t.Until(() => pane.WhenIdle().IsCompleted, "the editor's background work");
        string screen = t.Screen();
        output.WriteLine(screen);
        // Terminal.Gui labels treat '_' as a hotkey marker unless told otherwise.
        Assert.Contains("max_tokens", screen);
        Assert.Contains("custom_id", screen);
        Assert.DoesNotContain("maxtokens", screen);
    }

    [Fact]
    public void Read_only_mode_has_no_submit()
    {
        var (t, pane) = EditorApp.OpenReadOnly(_api, _clock, Stores);
        using TuiDriver _ = t;
        int before = _api.Calls;
        pane.Form.Inputs.Value = "x";
        t.Press(Key.S.WithCtrl);
        Assert.Equal(before, _api.Calls);
        Assert.Contains(pane.Actions, a => a.Name == "submit" && a.Dangerous);
        t.Until(() => pane.WhenIdle().IsCompleted, "the editor's background work");
    }
}
