using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using Terminal.Gui.Input;
using static BatchTui.Tests.Results.ResultsFixtures;

namespace BatchTui.Tests.Results;

/// <summary>With no row shown (a filter matching nothing, an empty file) the pane's and the shell's keys still work.</summary>
[Collection("Results UI")]
public sealed class NoRowsShownTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private TuiDriver? _h;

    public void Dispose()
    {
        _h?.Dispose();
        _dir.Dispose();
    }

    private ResultsPane Open(params string[] lines)
    {
        _h = TuiDriver.Open(Write(_dir.Path, lines), 120, 30);
        var pane = (ResultsPane)_h.Shell.Top!;
        Assert.True(pane.Ready.IsCompleted, "indexed once the shell's work is done");
        return pane;
    }

    [Fact]
    public void A_filter_matching_nothing_still_takes_c_question_mark_and_q()
    {
        ResultsPane pane = Open(Succeeded("eval-001", Text("Paris")), Errored("eval-002", "overloaded_error", "Overloaded"));
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
        _h.Press(new Key('?')); // the shell's help overlay, made from the pane's actions
        _h.ExpectLine("filter by result type");
        Assert.False(_h.Shell.Quitting.IsCancellationRequested);
        _h.Press(Key.Q);
        Assert.True(_h.Shell.Quitting.IsCancellationRequested);
    }

    [Fact]
    public void An_empty_file_takes_question_mark_and_q()
    {
        ResultsPane pane = Open();
        Assert.Contains("0 results", _h!.Screen());
        Assert.Equal(0, pane.Model!.View.Count);
        _h.Press(new Key('?'));
        _h.ExpectLine("q").ExpectLine("full-text search");
        _h.Press(Key.Q);
        Assert.True(_h.Shell.Quitting.IsCancellationRequested);
    }
}
