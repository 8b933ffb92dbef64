using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Simulator;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Editor;

/// <summary>
/// Submitting from the editor when the API accepts the batch and then fails the answer: the editor stays, names the
/// batch that is likely it, journals the attempt, never re-sends, and warns in the next confirmation.
/// </summary>
public sealed class SubmitUncertainTests
{
    [Fact]
    public async Task Accepted_then_500_shows_the_likely_batch_and_warns_before_sending_again()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false, retries: 4); // retries on: a 500 must still not re-send
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        var panes = new PaneFactories(Editor: (shell, api, created) => RequestEditorPane.Create(shell, api, stores, onSubmitted: created));
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 40, factories: panes);
        t.Press("n", Key.F4);
        var editor = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        editor.Raw.Text.Value = string.Join("\n", new[] { "u-1", "u-2" }.Select(id =>
            $$$"""{"custom_id":"{{{id}}}","params":{"model":"claude-haiku-4-5","max_tokens":32,"messages":[{"role":"user","content":"hi"}]}}"""));

        w.Sim.Chaos.AcceptThenFailNextCreates(1, CreateFault.ServerError);
        t.Press(Key.S.WithCtrl).Press("y")
         .Until(() => editor.WhenIdle().IsCompleted && editor.ProblemLines.Count > 0, "the unconfirmed create");

        MessageBatch only = Assert.Single(await w.AllBatchesAsync());
        t.ExpectLine("not confirmed: 500 api_error: Internal server error")
         .ExpectLine($"{only.Id} was created just now with the same 2 requests")
         .ExpectLine("journalled in ")
         .ExpectFlash($"create unconfirmed: {only.Id} is likely it");
        Assert.Same(editor, t.Shell.Top);
        Assert.Equal(only.Id, Assert.Single(await stores.Journal.UncertainAsync()).LikelyMatch);

        // Asked again, the confirmation repeats what is known; declining sends nothing.
        t.Press(Key.S.WithCtrl).ExpectLine($"warning:  {only.Id} may already be this batch (the last answer was lost)").Press("n");
        Assert.Single(await w.AllBatchesAsync());
    }
}
