namespace BatchTui.Core.Results.Index;

/// <summary>
/// How the pass reads and cuts a file. The defaults suit real files; tests use <see cref="Tiny"/> so that even a
/// small file is read in many blocks and cut between threads, covering every path whatever the machine.
/// </summary>
/// <param name="FirstScreenWait">How long <see cref="ResultsIndex.Open"/>'s pass waits, after the first screen's rows,
/// for <see cref="ResultsIndex.UseAllCores"/> before going on anyway (a safety valve: the results pane always calls it).</param>
internal sealed record IndexTuning(int BlockBytes, long MinPartBytes, TimeSpan FirstScreenWait)
{
    /// <summary>1 MiB reads; below 4 MiB a thread's part is not worth starting a thread for.</summary>
    public static readonly IndexTuning Default = new(1 << 20, 4 << 20, TimeSpan.FromSeconds(1));

    public static readonly IndexTuning Tiny = Default with { BlockBytes = 4096, MinPartBytes = 1 };
}
