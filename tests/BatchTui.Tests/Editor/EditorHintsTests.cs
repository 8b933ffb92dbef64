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
}
