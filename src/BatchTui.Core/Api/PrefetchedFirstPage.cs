using System.Diagnostics.CodeAnalysis;

namespace BatchTui.Core.Api;

/// <summary>
/// Starts the first list request before the UI is built, so the SDK's cold first call (HTTP and JSON set-up, about
/// as long as the terminal's own start) overlaps the terminal's start instead of following it. The first
/// <see cref="ListAsync"/> for the same request takes the answer already on its way; every other call goes through.
/// </summary>
public sealed class PrefetchedFirstPage : IBatchesApi
{
    private readonly IBatchesApi _inner;
    private readonly PageRequest _request;
    private Task<BatchPage>? _pending; // taken (set to null) by the first ListAsync, whatever it asks

    public PrefetchedFirstPage(IBatchesApi inner, PageRequest request)
    {
        _inner = inner;
        _request = request;
        // Task.Run: the SDK call does its cold set-up synchronously before its first await.
        _pending = Task.Run(() => inner.ListAsync(request));
        // Observed here so an answer nobody takes (the user quit first) is not an unobserved exception.
        _pending.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }

    public Uri BaseUrl => _inner.BaseUrl;

    /// <summary>
    /// The answer, if it is in within <paramref name="wait"/> (zero: already in) and nobody took it: then the first
    /// frame can show the list (a native build's terminal set-up takes about as long as the request). Taking it
    /// counts as the first load. A failed or unfinished prefetch is left for the first load, which reports it.
    /// </summary>
    public bool TryTakeAnswer(TimeSpan wait, [NotNullWhen(true)] out BatchPage? page)
    {
        page = null;
        Task<BatchPage>? pending = _pending;
        if (pending is null) return false;
        if (!pending.IsCompleted && wait > TimeSpan.Zero) ((IAsyncResult)pending).AsyncWaitHandle.WaitOne(wait);
        if (!pending.IsCompletedSuccessfully || Interlocked.CompareExchange(ref _pending, null, pending) != pending) return false;
        page = pending.Result;
        return true;
    }

    public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default)
    {
        Task<BatchPage>? pending = Interlocked.Exchange(ref _pending, null);
        return pending is not null && request == _request ? pending.WaitAsync(ct) : _inner.ListAsync(request, ct);
    }

    public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) => _inner.GetAsync(batchId, ct);
    public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default) => _inner.CreateAsync(request, ct);
    public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) => _inner.CancelAsync(batchId, ct);
    public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) => _inner.DeleteAsync(batchId, ct);
    public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default) => _inner.OpenResultsAsync(batchId, ct);

    public IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default) =>
        _inner.ResultLinesAsync(batchId, ct);
}
