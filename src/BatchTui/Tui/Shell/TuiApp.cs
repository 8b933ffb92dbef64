using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Builds the shell with the batch list on top and runs it until quit (<see cref="TerminalSession"/>: every way out,
/// signals included, gives the terminal back; failures are contained and reported to <c>crash-*.log</c>).
/// </summary>
public static class TuiApp
{
    /// <summary>Wires a shell around the batch list (shared by the app and the headless tests).</summary>
    public static (AppShell Shell, BatchesPane Pane) Build(IApplication app, IBatchesApi api, ShellInfo info, TuiOptions options,
        ThemeCatalog themes, TimeProvider time, PaneFactories? factories = null, CrashLog? crashes = null)
    {
        var shell = new AppShell(app, info, time, themes, crashes);
        BatchesPane pane = BatchList(shell, api, options, factories);
        shell.Push(pane);
        return (shell, pane);
    }

    /// <summary>The batch list as the root pane (at start, and after a profile switch).</summary>
    public static BatchesPane BatchList(IShell shell, IBatchesApi api, TuiOptions options, PaneFactories? factories) =>
        new(shell, api, options.PageSize, options.RefreshInterval, factories) { Notify = options.Notify, Tmux = options.Tmux };

    /// <summary>Wires the shell around one root pane other than the batch list (<c>open FILE</c>, tests).</summary>
    public static AppShell BuildWith(IApplication app, ShellInfo info, ThemeCatalog themes, TimeProvider time, Func<IShell, IPane> root,
        CrashLog? crashes = null)
    {
        var shell = new AppShell(app, info, time, themes, crashes);
        shell.Push(root(shell));
        return shell;
    }

    /// <summary><c>open FILE</c>: the same shell, its header naming the file, <paramref name="root"/> as its only pane.</summary>
    public static int RunWith(ShellInfo info, TuiOptions options, Func<IShell, IPane> root, CrashLog? crashes = null)
    {
        TimeProvider time = TimeProvider.System;
        (IApplication app, ThemeCatalog themes) = Start(options, time);
        IPane? top = null;
        AppShell shell = BuildWith(app, info, themes, time, s => top = root(s), crashes);
        app.AddTimeout(TimeSpan.Zero, () => { shell.StartTicking(); return false; });
        if (top is IFirstScreen first) FirstFrameProbe.Attach(app, first, shell.Quit);
        return TerminalSession.Run(app, shell, shell.Quit, e => shell.Contain(e, "the main loop"), crashes, time);
    }

    private static (IApplication, ThemeCatalog) Start(TuiOptions options, TimeProvider time)
    {
        ThemeCatalog themes = TuiWarmup.Themes(options);
        IApplication app = Application.Create(new TuiClock(time)).Init(DriverRegistry.Names.ANSI);
        themes.Apply(themes.Current, app.Driver);
        return (app, themes);
    }

    public static int Run(IBatchesApi api, ShellInfo info, TuiOptions options, PaneFactories? factories = null, CrashLog? crashes = null)
    {
        TimeProvider time = TimeProvider.System;
        var prefetch = new PrefetchedFirstPage(api, BatchListModel.NewestPage(options.PageSize));
        api = prefetch;
        (IApplication app, ThemeCatalog themes) = Start(options, time);
        (AppShell shell, BatchesPane pane) = Build(app, api, info, options, themes, time, factories, crashes);
        // Often in by now (native build): then the very first frame is the list, not an empty one before it.
        bool loaded = prefetch.TryTakeAnswer(TimeSpan.Zero, out BatchPage? first);
        if (first is not null) pane.Model.ShowNewest(first);
        // Start after the loop is running: a RequestStop issued before Run's loop starts would be lost.
        app.AddTimeout(TimeSpan.Zero, () =>
        {
            pane.Start(loaded);
            shell.StartTicking();
            return false;
        });
        FirstFrameProbe.Attach(app, pane, shell.Quit);
        return TerminalSession.Run(app, shell, shell.Quit, e => shell.Contain(e, "the main loop"), crashes, time);
    }
}
