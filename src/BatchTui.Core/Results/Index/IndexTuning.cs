namespace BatchTui.Core.Results.Index;

/// <summary>
/// How the pass reads and cuts a file. The defaults suit real files; tests use <see cref="Tiny"/> so that even a
/// small file is read in many blocks and cut between threads, covering every path whatever the machine.
/// </summary>
internal sealed record IndexTuning(int BlockBytes, long MinPartBytes)
{
    /// <summary>1 MiB reads; below 4 MiB a thread's part is not worth starting a thread for.</summary>
    public static readonly IndexTuning Default = new(1 << 20, 4 << 20);

    public static readonly IndexTuning Tiny = new(4096, 1);
}
