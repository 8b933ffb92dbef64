using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;

namespace BatchTui.Tui.Batches;

// C: an ended batch's results into the cache now, without opening them (before the server archives them).
public sealed partial class BatchesPane
{
    private readonly HashSet<string> _caching = new(StringComparer.Ordinal);

    private void CacheNow()
    {
        if (Selected is not { } b) return;
        if (_factories.CacheResults is not { } cache) { _shell.FlashProblem("the results cache is not available"); return; }
        if (_factories.IsCached?.Invoke(b) == true) { _shell.Flash($"results of {b.Id} are already cached"); return; }
        if (!_caching.Add(b.Id)) { _shell.Flash($"results of {b.Id} are being cached"); return; }
        _shell.Flash($"caching the results of {b.Id}…");
        var progress = new FlashProgress(p => _shell.Post(() => _shell.Flash($"caching {b.Id}: {p.Describe()}")));
        _shell.Run(async ct =>
        {
            try
            {
                await cache(b, progress, ct).ConfigureAwait(false);
                _shell.Post(() =>
                {
                    _shell.Flash($"results of {b.Id} cached ({b.Counts.Total:N0} requests): they stay readable after archiving");
                    List.SetNeedsDraw(); // the "archive in 2d" warning is over
                    Detail.SetNeedsDraw();
                });
            }
            finally
            {
                _shell.Post(() => _caching.Remove(b.Id));
            }
        });
    }

    // Progress reported on the download's thread, shown through the UI loop (no SynchronizationContext involved).
    private sealed class FlashProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
