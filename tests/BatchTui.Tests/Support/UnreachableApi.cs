using BatchTui.Core.Api;

namespace BatchTui.Tests.Support;

/// <summary>
/// For tests that must not reach the API at all: every call is counted and fails like a refused connection. Tests
/// that do submit use the simulator over HTTP instead. <paramref name="baseUrl"/>: the origin it stands for (results
/// are cached per origin), by default one nothing listens on.
/// </summary>
internal sealed class UnreachableApi(Uri? baseUrl = null) : IBatchesApi
{
    public int Calls { get; private set; }
    public Uri BaseUrl { get; } = baseUrl ?? new("http://127.0.0.1:9/");

    private Exception Fail()
    {
        Calls++;
        return new BatchApiException(null, "connection_error", "connection refused (test: no API expected)", null);
    }

    public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default) => throw Fail();
    public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) => throw Fail();
    public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default) => throw Fail();
    public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) => throw Fail();
    public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) => throw Fail();
    public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default) => throw Fail();
    public IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default) => throw Fail();
}
