using BatchTui.Tui.Results;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using static BatchTui.Tests.Results.ResultsFixtures;

namespace BatchTui.Tests.Results;

/// <summary>With no row shown (a filter matching nothing, an empty file) the pane's and the shell's keys still work.</summary>
[Collection("Results UI")]
public sealed class NoRowsShownTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private ResultsHeadless? _h;
    private StandaloneShell? _shell;
    private SessionToken? _token;

    public void Dispose()
    {
        if (_token is not null) _h!.End(_token);
        _shell?.Dispose();
        _h?.Dispose();
        _dir.Dispose();
    }

    private async Task<ResultsPane> Open(params string[] lines)
    {
        _h = new ResultsHeadless(120, 30);
        _shell = new StandaloneShell(_h.App);
        ResultsPane pane = ResultsPane.ForFile(_shell, Write(_dir.Path, lines));
        _shell.Push(pane);
        _token = _h.Begin(_shell);
        await pane.Model!.Index.Completion;
        await _h.PumpUntil(() => pane.Ready.IsCompleted, "indexed");
        return pane;
    }

    [Fact]
    public async Task A_filter_matching_nothing_still_takes_c_question_mark_and_q()
    {
        ResultsPane pane = await Open(Succeeded("eval-001", Text("Paris")), Errored("eval-002", "overloaded_error", "Overloaded"));
        _h!.Press(Key.I);
        _h.Type("zzz");
        _h.Press(Key.Enter);
        Assert.Contains("0 of 2 match id=zzz", _h.Screen());
        Assert.True(pane.Table.HasFocus);

        _h.Press(Key.C);
        Assert.Contains("2 shown", _h.Screen());

        _h.Press(Key.X); // errors: overloaded_error, then none of the remaining
        _h.Press(Key.I);
        _h.Type("nope");
        _h.Press(Key.Enter);
        Assert.Contains("0 of 2 match", _h.Screen());
        _h.Press(new Key('?'));
        Assert.Contains("t filter by result type", _shell!.LastFlash);
        Assert.False(_shell.StopRequested);
        _h.Press(Key.Q);
        Assert.True(_shell.StopRequested);
    }

    [Fact]
    public async Task An_empty_file_takes_question_mark_and_q()
    {
        ResultsPane pane = await Open();
        Assert.Contains("0 results", _h!.Screen());
        Assert.Equal(0, pane.Model!.View.Count);
        _h.Press(new Key('?'));
        Assert.Contains("q", _shell!.LastFlash);
        Assert.Contains("search", _shell.LastFlash);
        _h.Press(Key.Q);
        Assert.True(_shell.StopRequested);
    }
}
