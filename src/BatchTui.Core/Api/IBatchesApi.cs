namespace BatchTui.Core.Api;

/// <summary>
/// Every Message Batches endpoint, for every pane and the CLI. Implementations raise only
/// <see cref="BatchApiException"/> (and <see cref="OperationCanceledException"/> when the token fires).
/// </summary>
public interface IBatchesApi
{
    /// <summary>The base URL calls go to (for the header line).</summary>
    Uri BaseUrl { get; }

    Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default);
    Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default);
    /// <summary>
    /// Never sends the batch twice: when the outcome is unknown it raises <see cref="CreateUncertainException"/> (a
    /// <see cref="BatchApiException"/>) naming the likely match instead of re-sending.
    /// </summary>
    Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default);
    Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default);
    /// <summary>Returns the id of the deleted batch.</summary>
    Task<string> DeleteAsync(string batchId, CancellationToken ct = default);

    /// <summary>
    /// The results <c>.jsonl</c> as an open byte stream (the caller disposes it), for the results store to copy to its
    /// cache file without re-serialising.
    /// </summary>
    Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default);

    /// <summary>The results one line at a time, each line's raw UTF-8 bytes without the newline.</summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default);
}
