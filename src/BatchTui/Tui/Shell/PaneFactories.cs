using BatchTui.Core.Api;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;

namespace BatchTui.Tui.Shell;

/// <summary>
/// PANE HOOKS: how the batch list opens panes other helpers build. TuiCommand fills these in; while one is null the
/// key flashes "… not available" instead of opening anything.
/// </summary>
/// <param name="Results">The results browser for an ended batch (Enter / o); it calls <c>created</c> with a batch
/// submitted from it (retry failed) so the list selects it.</param>
/// <param name="Editor">The request editor (n); it calls <c>created</c> with the new batch so the list selects it.</param>
/// <param name="IsCached">Whether a batch's results are cached locally (then no archive warning in the list).</param>
/// <param name="Labels">Labels and notes (L, N); null: kept in memory for this session only.</param>
/// <param name="SourceOf">The requests file a batch created here was made from (the journal's record): its name is
/// the new batch's default label.</param>
/// <param name="Profiles">The profile picker's hook (P): the profiles and how to switch to one; null: not available.</param>
/// <param name="CacheResults">Downloads an ended batch's results into the cache (C) without opening them.</param>
public sealed record PaneFactories(
    Func<IShell, IBatchesApi, MessageBatch, Action<MessageBatch>, IPane>? Results = null,
    Func<IShell, IBatchesApi, Action<MessageBatch>, IPane>? Editor = null,
    Func<MessageBatch, bool>? IsCached = null,
    LabelStore? Labels = null,
    Func<string, string?>? SourceOf = null,
    Func<MessageBatch, IProgress<DownloadProgress>, CancellationToken, Task>? CacheResults = null,
    Profiles.ProfileSwitch? Profiles = null)
{
    public static PaneFactories None { get; } = new();
}
