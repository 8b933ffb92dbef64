using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace BatchTui.Tests.Editor;

public sealed class EditorPaneTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "batchtui-editor-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private EditorStores Stores => EditorStores.At(_state, _clock);

    public void Dispose()
    {
        try { Directory.Delete(_state, true); } catch (IOException) { }
    }

    [Fact]
    public async Task Form_typing_shows_an_error_then_fixing_it_clears_it()
    {
        using var h = new EditorHarness(100, 30);
        var api = new UnreachableApi();
        RequestEditorPane pane = RequestEditorPane.Open(h, api, Stores);
        await h.Settle(pane.WhenIdle);

        // max_tokens: clear it and type a word
        pane.Form.MaxTokens.SetFocus();
        pane.Form.MaxTokens.Text = "";
        h.Type("lots");
        h.Pump(TimeSpan.FromMilliseconds(400));
        await h.Settle(pane.WhenIdle);
        string screen = h.Screen();
        output.WriteLine(screen);
        Assert.Contains("error: max_tokens: must be a whole number (got \"lots\")", screen);

        pane.Form.MaxTokens.Text = "";
        h.Type("2000");
        pane.Form.Inputs.FocusText();
        h.Type("alpha\nbeta\n");
        h.Pump(TimeSpan.FromMilliseconds(400));
        await h.Settle(pane.WhenIdle);
        screen = h.Screen();
        output.WriteLine(screen);
        Assert.DoesNotContain("must be a whole number", screen);
        Assert.Contains("no problems: 2 requests · no errors", screen);
        Assert.Contains("[Form] Raw · 2 requests · no errors", screen);
    }

    [Fact]
    public async Task Raw_editor_points_at_syntax_errors_by_line_and_column_and_f2_jumps_there()
    {
        using var h = new EditorHarness(100, 30);
        RequestEditorPane pane = RequestEditorPane.Open(h, new UnreachableApi(), Stores);
        h.Press(Key.F4);
        Assert.Equal(EditorMode.Raw, pane.Mode);
        pane.Raw.Text.Value = "";
        pane.Raw.Text.FocusText();
        h.Type("{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n");
        h.Type("{\"custom_id\":\"b\" \"params\":{}}");
        h.Press(Key.F2);
        string screen = h.Screen();
        output.WriteLine(screen);
        Assert.Contains("error 2:18: '\"' is invalid after a value. Expected either ',', '}', or ']'.", screen);
        Assert.Equal((2, 18), pane.Raw.Text.Caret);
        Assert.Contains("2:18", pane.Raw.Position);
    }

    [Fact]
    public async Task Validation_messages_name_the_request_and_field_in_the_raw_editor()
    {
        using var h = new EditorHarness(120, 30);
        RequestEditorPane pane = RequestEditorPane.Open(h, new UnreachableApi(), Stores);
        h.Press(Key.F4);
        pane.Raw.Text.Value =
            "{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n" +
            "{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"temperature\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n";
        h.Pump(TimeSpan.FromMilliseconds(400));
        await h.Settle(pane.WhenIdle);
        Assert.Equal(
        [
            "error: request #2 (custom_id \"a\", line 2): custom_id duplicates request #1: custom_ids must be unique in a batch",
            "error: request #2 (custom_id \"a\", line 2): params.temperature must be between 0 and 1 (got 1.5)",
        ], pane.ProblemLines.Order());
        Assert.Contains("2 requests · 2 errors", pane.StatusText);
    }

    [Fact]
    public async Task Form_switches_to_raw_carrying_its_requests()
    {
        using var h = new EditorHarness(100, 30);
        RequestEditorPane pane = RequestEditorPane.Open(h, new UnreachableApi(), Stores);
        pane.Form.Inputs.Value = "one\ntwo\n";
        pane.Form.Pattern.Text = "q-{n:00}";
        h.Press(Key.F4);
        Assert.Equal(EditorMode.Raw, pane.Mode);
        Assert.Equal(["q-01", "q-02"], CheckedRequests.Check(pane.Raw.Text.Value).Items.Select(i => i.CustomId));
        h.Press(Key.F4);
        Assert.Equal(EditorMode.Form, pane.Mode);
        await h.Settle(pane.WhenIdle);
    }

    [Fact]
    public async Task Submit_with_errors_sends_nothing_and_says_why()
    {
        using var h = new EditorHarness(100, 30);
        var api = new UnreachableApi();
        RequestEditorPane pane = RequestEditorPane.Open(h, api, Stores);
        pane.Form.Inputs.Value = "x";
        pane.Form.Temperature.Text = "7";
        h.Press(Key.S.WithCtrl);
        Assert.Equal(0, api.Calls);
        Assert.Equal("not sent: 1 error, see Problems", h.LastFlash);
        Assert.Contains("error: request #1 (custom_id \"row-1\"): params.temperature must be between 0 and 1 (got 7)", h.Screen());
        await h.Settle(pane.WhenIdle);
    }

    [Fact]
    public async Task Field_labels_and_file_names_keep_their_underscores()
    {
        using var h = new EditorHarness(100, 30);
        RequestEditorPane pane = RequestEditorPane.Open(h, new UnreachableApi(), Stores);
        await h.Settle(pane.WhenIdle);
        string screen = h.Screen();
        output.WriteLine(screen);
        // Terminal.Gui labels treat '_' as a hotkey marker unless told otherwise.
        Assert.Contains("max_tokens", screen);
        Assert.Contains("custom_id", screen);
        Assert.DoesNotContain("maxtokens", screen);
    }

    [Fact]
    public async Task Read_only_mode_has_no_submit()
    {
        using var h = new EditorHarness(100, 30, readOnly: true);
        var api = new UnreachableApi();
        RequestEditorPane pane = RequestEditorPane.Open(h, api, Stores);
        pane.Form.Inputs.Value = "x";
        h.Press(Key.S.WithCtrl);
        Assert.Equal(0, api.Calls);
        Assert.Contains(pane.Actions, a => a.Name == "submit" && a.Dangerous);
        await h.Settle(pane.WhenIdle);
    }
}
