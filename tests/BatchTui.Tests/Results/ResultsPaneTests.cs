using BatchTui.Core.Results.Index;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using Terminal.Gui.Input;
using static BatchTui.Tests.Results.ResultsFixtures;

namespace BatchTui.Tests.Results;

/// <summary>
/// The results browser in the app's shell (as <c>open FILE</c> runs it), driven through a real headless Terminal.Gui
/// app: keys in, screen text out.
/// </summary>
[Collection("Results UI")]
public class ResultsPaneTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private TuiDriver? _h;

    public void Dispose()
    {
        _h?.Dispose();
        _dir.Dispose();
    }

    private ResultsPane Open(int cols, int rows, params string[] lines) => OpenNamed(cols, rows, $"results-{Guid.NewGuid():N}.jsonl", lines);

    private ResultsPane OpenNamed(int cols, int rows, string name, params string[] lines)
    {
        _h = TuiDriver.Open(WriteNamed(_dir.Path, name, lines), cols, rows);
        var pane = (ResultsPane)_h.Shell.Top!;
        // The indexing pass is the shell's background work: the driver has waited for it.
        Assert.True(pane.Ready.IsCompleted, "indexed once the shell's work is done");
        return pane;
    }

    private static readonly string[] Mixed =
    [
        Succeeded("eval-001", Text("Paris is the capital of France."), input: 1200, output: 40),
        Errored("eval-002", "overloaded_error", "Overloaded"),
        Succeeded("eval-003", Text("The answer is 42."), stop: "max_tokens", input: 300, output: 4096),
        Canceled("eval-004"),
        "{\"custom_id\":\"eval-005\",\"result\":{\"type\":\"succ",
        Succeeded("other-006", Text("Berlin is the capital of Germany.")),
    ];

    [Fact]
    public async Task When_open_started_the_pass_first_the_pane_holds_rows_before_its_first_frame()
    {
        string path = WriteNamed(_dir.Path, "early.jsonl", Mixed);
        ResultsIndex indexing = ResultsIndex.Open(path); // as `open FILE` starts it, before the terminal
        await indexing.WhenRows(Mixed.Length).WaitAsync(TimeSpan.FromMinutes(1));
        bool shownAtOnce = false;
        _h = TuiDriver.With(shell =>
        {
            var pane = ResultsPane.ForFile(shell, path, indexing: indexing);
            shownAtOnce = pane.FirstScreenShown; // before any frame: the first one draws the rows
            return pane;
        }, new Uri("file:///"), 120, 30);
        Assert.True(shownAtOnce);
        Assert.Contains(_h.Lines(), l => l.Contains("eval-001") && l.Contains("Paris is the capital of France."));
    }

    [Fact]
    public void Shows_the_summary_the_rows_and_the_selected_result()
    {
        ResultsPane pane = Open(120, 30, Mixed);
        string screen = _h!.Screen();
        Assert.Contains("6 results: 3 succeeded · 1 errored · 1 canceled · 1 unparseable", screen);
        Assert.Contains("tokens in 1,510 · out 4,156 · cache read 0 · write 0 │ stop: end_turn 2 · max_tokens 1 │ errors: overloaded_error 1", screen);
        Assert.Contains("6 shown · sort file order", screen);
        string[] lines = _h.Lines();
        Assert.Contains(lines, l => l.Contains("eval-001") && l.Contains("succeeded") && l.Contains("end_turn") && l.Contains("Paris is the capital of France."));
        Assert.Contains(lines, l => l.Contains("eval-002") && l.Contains("errored") && l.Contains("overloaded_error") && l.Contains("Overloaded"));
        Assert.Contains(lines, l => l.Contains("eval-005") && l.Contains("unparseable") && l.Contains("unexpected end of data"));
        Assert.Contains("indexed 6 rows", screen);
        Assert.Contains("1 unparseable line (t to filter to them)", screen);
        // The first row is selected and its tree shown.
        Assert.Contains("├+message msg_eval-001 · claude-sonnet-4-5 · end_turn", screen);
        Assert.Contains("message msg_eval-001 · claude-sonnet-4-5 · end_turn · 1,200 in / 40 out", pane.Panel.Content);
        Assert.Contains("text: Paris is the capital of France.", screen);

        _h.Press(Key.J);
        Assert.Equal(1, pane.Model!.Selected);
        screen = _h.Screen();
        Assert.Contains("errored: overloaded_error — Overloaded", screen);
    }

    [Fact]
    public void Filter_keys_combine_and_clear()
    {
        ResultsPane pane = Open(120, 30, Mixed);
        _h!.Press(Key.T); // succeeded
        Assert.Contains("3 of 6 match type=succeeded", _h.Screen());
        _h.Press(Key.S); // first stop reason in the file: end_turn
        Assert.Contains("2 of 6 match type=succeeded stop=end_turn", _h.Screen());
        _h.Press(Key.I);
        _h.Type("eval-*");
        Assert.Contains("custom_id glob: eval-*", _h.Screen());
        _h.Press(Key.Enter);
        string screen = _h.Screen();
        Assert.Contains("1 of 6 match type=succeeded stop=end_turn id=eval-*", screen);
        Assert.DoesNotContain("other-006", screen);
        _h.Press(Key.C);
        Assert.Contains("6 shown", _h.Screen());
        _h.Press(Key.T, Key.T, Key.T, Key.T); // succeeded → errored → canceled → unparseable
        screen = _h.Screen();
        Assert.Contains("1 of 6 match type=unparseable", screen);
        Assert.Contains("line 5: unparseable — unexpected end of data", screen);
        Assert.Equal(ResultKind.Unparseable, pane.Model!.Index[pane.Model.SelectedRow!.Value].Kind);
    }

    [Fact]
    public void Full_text_search_and_sort_by_tokens()
    {
        ResultsPane pane = Open(120, 30, Mixed);
        _h!.Press(new Key('/'));
        _h.Type("capital");
        _h.Press(Key.Enter);
        Assert.Equal("capital", pane.Model!.Filter.Text); // the search is the shell's work: done once the key settled
        string screen = _h.Screen();
        Assert.Contains("2 of 6 match /\"capital\"", screen);
        Assert.Contains("\"capital\": 2 matching rows", screen);
        Assert.DoesNotContain("eval-003", screen);
        _h.Press(Key.C, Key.O, Key.O); // custom_id, then total tokens (largest first)
        Assert.Contains("sort total tokens ↓", _h.Screen());
        Assert.Equal("eval-003", pane.Model!.Index[pane.Model.View[0]].CustomId);
        _h.Press(Key.R);
        Assert.Contains("sort total tokens", _h.Screen());
        Assert.Equal("eval-002", pane.Model.Index[pane.Model.View[0]].CustomId); // ties (0 tokens) in file order
    }

    [Fact]
    public void Esc_in_a_prompt_cancels_the_prompt_not_the_pane()
    {
        ResultsPane pane = Open(100, 30, Mixed);
        _h!.Press(Key.I);
        _h.Type("zzz");
        Assert.Equal("0 of 6 match id=zzz", pane.Model!.FilterLine().Split(" · ")[0]);
        _h.Press(Key.Esc);
        Assert.False(_h.Shell.PromptOpen);
        Assert.Same(pane, _h.Shell.Top);
        Assert.False(_h.Shell.Quitting.IsCancellationRequested);
    }

    [Fact]
    public void Tree_expands_with_enter_and_thinking_stays_collapsed_in_expand_all()
    {
        ResultsPane pane = OpenNamed(120, 40, "many.jsonl", Succeeded("many", ManyBlocks));
        _h!.Press(Key.Enter); // list → tree
        Assert.True(pane.Tree.HasFocus);
        string screen = _h.Screen();
        Assert.Contains("thinking (43 chars)", screen);
        Assert.DoesNotContain("Compare both options.", screen.Split('\n').First(l => l.Contains("thinking (43 chars)")));
        _h.Press(Key.E.WithShift);
        screen = _h.Screen();
        Assert.Contains("usage: 10 in · 20 out · cache read 0 · cache write 0", screen);
        Assert.DoesNotContain("signature: 18 chars", screen); // thinking is folded even after expand-all
        _h.Press(Key.C.WithShift);
        Assert.All(pane.Tree.Objects!, root => Assert.False(pane.Tree.IsExpanded(root)));
        _h.Press(Key.Enter); // expand the message header
        Assert.Contains("model: claude-sonnet-4-5", _h.Screen());
        Snapshot.Match("results_tree_many_blocks_expanded_120x40", TreeAfterExpandAll());
        _h.Press(Key.C.WithShift);
        Snapshot.Match("results_tree_many_blocks_collapsed_120x40", _h.Screen());
    }

    private string TreeAfterExpandAll()
    {
        _h!.Press(Key.C.WithShift, Key.E.WithShift, Key.G);
        return _h.Screen();
    }

    [Fact]
    public async Task Raw_view_copy_and_export()
    {
        ResultsPane pane = Open(120, 30, Mixed);
        _h!.Press(Key.V);
        Assert.Contains("\"custom_id\": \"eval-001\",", pane.Panel.Content);
        Assert.Contains("\"custom_id\": \"eval-001\",", _h.Screen());
        _h.Press(Key.V, Key.Y);
        Assert.StartsWith("copied the message node", _h.Shell.LastFlash?.Text);

        string target = Path.Combine(_dir.Path, "errors.csv");
        _h.Press(Key.T, Key.T); // errored
        _h.Press(Key.W);
        Assert.True(_h.Shell.PromptOpen);
        Assert.StartsWith("export 1 row to", _h.Lines()[^2]); // the prompt is the shell's, in the flash bar's row
        _h.Press(Key.U.WithCtrl);
        _h.Type(target);
        _h.Press(Key.Enter);
        Assert.Equal($"exported 1 row to {target}", _h.Shell.LastFlash?.Text); // the shell waited for the export
        string csv = await File.ReadAllTextAsync(target);
        Assert.StartsWith("custom_id,type,stop_reason,error_type,", csv);
        Assert.Contains("eval-002,errored,,overloaded_error,0,0,0,0,Overloaded", csv);
    }

    [Fact]
    public void Fits_80x24_and_an_empty_file()
    {
        Open(80, 24);
        string screen = _h!.Screen();
        Assert.Contains("0 results", screen);
        Assert.Contains("indexed 0 rows", screen);
        Assert.Equal(24, _h.Lines().Length);
    }

    [Fact]
    public void Key_bindings_are_declared_once_and_generate_the_hints()
    {
        ResultsPane pane = Open(200, 30, Mixed);
        Assert.Equal(pane.Actions.Count, pane.Actions.Select(a => a.Key).Distinct().Count());
        Assert.All(pane.Actions, a => Assert.False(a.Dangerous)); // a file's browser changes no server: read-only keeps it all
        Assert.StartsWith("t type  s stop  x error  i id glob  / search  c clear  o sort  v raw  y copy  w export", _h!.Lines()[^1].TrimStart());
    }
}
