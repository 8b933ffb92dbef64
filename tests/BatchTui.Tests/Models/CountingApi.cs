using BatchTui.Core.Api;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace BatchTui.Tests.Models;

/// <summary>
/// The real client with a tally in front: every call the view-model makes is recorded (<c>GET id</c>,
/// <c>LIST limit before after</c>) before it goes over HTTP to the simulator, so a test can say what was fetched.
/// </summary>
internal sealed class CountingApi(IBatchesApi inner) : IBatchesApi
{
    private readonly ConcurrentQueue<string> _calls = new();

    public Uri BaseUrl => inner.BaseUrl;

    /// <summary>The calls so far, in the order they were made.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>The ids fetched one by one (retrieve), in call order.</summary>
    public IReadOnlyList<string> Gets => Calls.Where(c => c.StartsWith("GET ", StringComparison.Ordinal)).Select(c => c[4..]).ToList();

    public IReadOnlyList<string> Lists => Calls.Where(c => c.StartsWith("LIST ", StringComparison.Ordinal)).ToList();

    public void Clear() => _calls.Clear();

    public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default)
    {
        _calls.Enqueue($"LIST {request.Limit} before={request.BeforeId ?? "-"} after={request.AfterId ?? "-"}");
        return inner.ListAsync(request, ct);
    }

    public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default)
    {
        _calls.Enqueue($"GET {batchId}");
        return inner.GetAsync(batchId, ct);
    }

    public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default)
    {
        _calls.Enqueue("CREATE");
        return inner.CreateAsync(request, ct);
    }

    public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default)
    {
        _calls.Enqueue($"CANCEL {batchId}");
        return inner.CancelAsync(batchId, ct);
    }

    public Task<string> DeleteAsync(string batchId, CancellationToken ct = default)
    {
        _calls.Enqueue($"DELETE {batchId}");
        return inner.DeleteAsync(batchId, ct);
    }

    public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default)
    {
        _calls.Enqueue($"RESULTS {batchId}");
        return inner.OpenResultsAsync(batchId, ct);
    }

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        _calls.Enqueue($"RESULTS {batchId}");
        await foreach (var line in inner.ResultLinesAsync(batchId, ct)) yield return line;
    }
}
