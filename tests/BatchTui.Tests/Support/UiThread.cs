namespace BatchTui.Tests.Support;

/// <summary>
/// Terminal.Gui installs its <c>MainLoopSyncContext</c> on the thread that begins a session or runs its timers. In a
/// test that same thread later awaits, and the continuation is posted to a main loop nobody pumps: the test host hangs
/// for good (seen as "the active test run was aborted" after the blame timeout). Every harness gives the test its own
/// context back after each call into Terminal.Gui, in a synchronous method: an async method's builder restores its
/// caller's context when it first yields, which would undo a release made inside it.
/// </summary>
internal sealed class UiThread
{
    private readonly SynchronizationContext? _test;

    private UiThread(SynchronizationContext? test) => _test = test;

    /// <summary>Remembers the test's context; call before <c>Application.Init</c>.</summary>
    public static UiThread Capture() =>
        new(IsTerminalGui(SynchronizationContext.Current) ? null : SynchronizationContext.Current);

    /// <summary>Puts the test's context back if Terminal.Gui replaced it.</summary>
    public void Release()
    {
        if (IsTerminalGui(SynchronizationContext.Current)) SynchronizationContext.SetSynchronizationContext(_test);
    }

    public T Release<T>(T value)
    {
        Release();
        return value;
    }

    private static bool IsTerminalGui(SynchronizationContext? context) =>
        context?.GetType().Namespace?.StartsWith("Terminal.Gui", StringComparison.Ordinal) == true;
}
