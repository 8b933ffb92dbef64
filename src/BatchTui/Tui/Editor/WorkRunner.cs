namespace BatchTui.Tui.Editor;

/// <summary>
/// The shell's one background runner as the view-model sees it, free of any terminal type: <see cref="Run"/> runs
/// work off the UI thread (the shell's <c>IShell.Run</c>), <see cref="Post"/> queues a callback on the UI thread
/// (<c>IShell.Post</c>). Tests hand the model their own pair.
/// </summary>
public sealed record WorkRunner(Action<Func<CancellationToken, Task>> Run, Action<Action> Post);
