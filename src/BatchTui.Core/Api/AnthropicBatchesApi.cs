using Anthropic;
using Anthropic.Core;
using BatchTui.Core.Requests;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BatchTui.Core.Api;

/// <summary>
/// <see cref="IBatchesApi"/> over the official <c>Anthropic</c> SDK. The SDK builds every request (auth headers,
/// <c>anthropic-version</c>, base URL, query, the beta namespace's <c>anthropic-beta</c>) and parses every model;
/// its <c>WithRawResponse</c> twins are used so each batch keeps its exact JSON and the results body can be read as
/// bytes. Retries, timeouts and no-response errors live in one <see cref="RetryHandler"/> inside the client's
/// <see cref="HttpClient"/>, so they apply to every call, the results download included.
/// </summary>
public sealed class AnthropicBatchesApi : IBatchesApi, IDisposable
{
    private readonly AnthropicClient _client;
    private readonly RetryHandler _retry;
    private readonly ISdkEndpoints _endpoints;
    private readonly ApiKey? _key;
    private readonly TimeProvider _time;

    public AnthropicBatchesApi(BatchesApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.BaseUrl.IsAbsoluteUri || settings.BaseUrl.Scheme is not ("http" or "https"))
            throw new ArgumentException($"base URL must be an absolute http(s) URL, got '{settings.BaseUrl}'", nameof(settings));
        _key = settings.ApiKey;
        _time = settings.Time;
        BaseUrl = settings.BaseUrl;
        Betas = settings.Betas;
        _retry = new RetryHandler(settings)
        {
            InnerHandler = settings.InnerHandler?.Invoke() ?? new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = settings.Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            },
        };
        SdkJsonMetadata.InstallForNativeAot();
        _client = new AnthropicClient(new ClientOptions
        {
            // Set explicitly even when null: the SDK then reads no credential of its own (ANTHROPIC_API_KEY,
            // ANTHROPIC_AUTH_TOKEN, profiles), so only what our config resolved is ever sent.
            ApiKey = settings.ApiKey?.Reveal(),
            BaseUrl = settings.BaseUrl.ToString().TrimEnd('/'),
            MaxRetries = 0, // RetryHandler does it (see there why)
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per-attempt timeout is RetryHandler's too
            HttpClient = new HttpClient(_retry) { Timeout = System.Threading.Timeout.InfiniteTimeSpan },
        });
        _endpoints = SdkEndpoints.For(_client, settings.Betas);
    }

    public Uri BaseUrl { get; }

    /// <summary>The betas sent with every call; non-empty means the beta namespace is in use.</summary>
    public IReadOnlyList<string> Betas { get; }

    public bool UsesBeta => Betas.Count > 0;

    /// <summary>How many retries this client has made so far.</summary>
    public long Retries => _retry.Retries;

    /// <summary>Raised (on the calling thread pool thread) just before a retry's wait.</summary>
    public event Action<RetryEvent>? Retrying
    {
        add => _retry.Retrying += value;
        remove => _retry.Retrying -= value;
    }

    public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default) =>
        JsonCall(c => _endpoints.List(request, c), _endpoints.ToPage, ct);

    public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) =>
        JsonCall(c => _endpoints.Retrieve(RequireId(batchId), c), ToBatch, ct);

    /// <summary>
    /// Sent once (re-sent only after an answer that says it was not taken, see <see cref="RetryHandler"/>). When it
    /// fails after it may have reached the server, the newest batches are listed and a
    /// <see cref="CreateUncertainException"/> names the likely match, or says none was found.
    /// </summary>
    public async Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new Dictionary<string, JsonElement>
        {
            ["requests"] = RequestsJson.ToArrayElement(request.Requests),
        };
        DateTimeOffset attemptedAt = _time.GetUtcNow();
        LastResponse note = LastResponse.Begin(); // the retry handler marks it when an attempt may have arrived
        try
        {
            return await JsonCall(c => _endpoints.Create(body, c), ToBatch, ct, note).ConfigureAwait(false);
        }
        catch (BatchApiException e) when (note.MayHaveArrived)
        {
            CreateCheck check = await CreateCheck.RunAsync(this, _time, attemptedAt, request.Requests.Count, ct).ConfigureAwait(false);
            throw new CreateUncertainException(e, check);
        }
    }

    public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) =>
        JsonCall(c => _endpoints.Cancel(RequireId(batchId), c), ToBatch, ct);

    public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) =>
        JsonCall(c => _endpoints.Delete(RequireId(batchId), c), _endpoints.DeletedId, ct);

    public async Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default)
    {
        RequireId(batchId);
        HttpResponse? response = null;
        LastResponse note = LastResponse.Begin();
        try
        {
            response = await _endpoints.Results(batchId, ct).ConfigureAwait(false);
            Stream body = await response.ReadAsStream(ct).ConfigureAwait(false);
            return new ResultsStream(body, response, _key);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            response?.Dispose();
            throw;
        }
        catch (Exception e)
        {
            response?.Dispose();
            throw ErrorMapper.Map(e, _key, note.RetryAfter);
        }
    }

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using Stream stream = await OpenResultsAsync(batchId, ct).ConfigureAwait(false);
        await foreach (var line in JsonlLines.ReadAsync(stream, ct).ConfigureAwait(false))
            yield return line;
    }

    /// <summary>Sends one call and maps its JSON body; every failure on the way becomes a BatchApiException.</summary>
    private async Task<T> JsonCall<T>(Func<CancellationToken, Task<HttpResponse>> send, Func<JsonElement, T> map,
        CancellationToken ct, LastResponse? begun = null)
    {
        LastResponse note = begun ?? LastResponse.Begin();
        try
        {
            using HttpResponse response = await send(ct).ConfigureAwait(false);
            string body = await response.ReadAsString(ct).ConfigureAwait(false);
            try
            {
                using var doc = JsonDocument.Parse(body);
                return map(doc.RootElement);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var bad = ErrorMapper.Map(e, _key);
                throw new BatchApiException((int)response.StatusCode, bad.ErrorType, bad.ApiMessage, response.RequestID, e);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not BatchApiException)
        {
            throw ErrorMapper.Map(e, _key, note.RetryAfter);
        }
    }

    private MessageBatch ToBatch(JsonElement json) => TolerantBatch.CheckValues(_endpoints.ToBatch(json));

    // An id goes into the URL path: one holding '/', '.', '%' or a control character could address another resource.
    private static string RequireId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("a batch id is required", nameof(id)) : BatchIdRule.Require(id);

    public void Dispose() => _client.Dispose();
}
