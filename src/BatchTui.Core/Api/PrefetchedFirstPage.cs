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
