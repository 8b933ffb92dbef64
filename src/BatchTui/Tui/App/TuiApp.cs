using System.Runtime.InteropServices;
using BatchTui.Core.Api;
using BatchTui.Tui.Models;
using BatchTui.Tui.Panes;
using BatchTui.Tui.Themes;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace BatchTui.Tui.App;

/// <summary>
/// Builds the shell with the batch list on top and runs it until quit. The terminal is restored by disposing the
/// application, which happens on q, Ctrl+C, SIGINT and SIGTERM alike (SIGHUP keeps its default: see the notes).
/// </summary>
public static class TuiApp
{
    /// <summary>Wires a shell around the batch list (shared by the app and the headless tests).</summary>
    public static (AppShell Shell, BatchesPane Pane) Build(IApplication app, IBatchesApi api, ShellInfo info, TuiOptions options,
        ThemeCatalog themes, TimeProvider time, PaneFactories? factories = null)
    {
        var shell = new AppShell(app, info, time, themes);
        var pane = new BatchesPane(shell, api, options.PageSize, options.RefreshInterval, factories);
        shell.Push(pane);
        return (shell, pane);
    }

    public static int Run(IBatchesApi api, ShellInfo info, TuiOptions options, PaneFactories? factories = null)
    {
        TimeProvider time = TimeProvider.System;
        var prefetch = new PrefetchedFirstPage(api, BatchListModel.NewestPage(options.PageSize));
        api = prefetch;
        var themes = new ThemeCatalog(options.Theme, options.NoColor);
        themes.Install(null);
        using IApplication app = Application.Create(new TuiClock(time)).Init(DriverRegistry.Names.ANSI);
        themes.Apply(themes.Current, app.Driver);
        (AppShell shell, BatchesPane pane) = Build(app, api, info, options, themes, time, factories);
        using (shell)
        {
            // Often in by now (native build): then the very first frame is the list, not an empty one before it.
            bool loaded = prefetch.TryTakeAnswer(TimeSpan.Zero, out BatchPage? first);
            if (first is not null) pane.Model.ShowNewest(first);
            // Raw mode turns Ctrl+C into a key (handled by the shell); these cover kill -INT / -TERM from outside.
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; app.Invoke(shell.Quit); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; app.Invoke(shell.Quit); });
            // Start after the loop is running: a RequestStop issued before Run's loop starts would be lost.
            app.AddTimeout(TimeSpan.Zero, () =>
            {
                pane.Start(loaded);
                shell.StartTicking();
                return false;
            });
            FirstFrameProbe.Attach(app, pane, shell);
            app.Run(shell);
        }
        return 0;
    }
}
