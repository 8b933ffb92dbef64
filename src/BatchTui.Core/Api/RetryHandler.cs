namespace BatchTui.Core.Api;

/// <summary>
/// The one place retries, per-attempt timeouts and "no response" errors live, for every request the SDK sends
/// (the results stream included, since it goes through the same <see cref="HttpClient"/>).
/// <para>
/// Why not the SDK's own retry (MaxRetries is set to 0): it waits with <c>Task.Delay</c> on the real clock and an
/// unseeded <c>Random</c> (tests would really wait), reports nothing about a retry while it happens, resolves an HTTP-date
/// <c>retry-after</c> against <c>DateTimeOffset.Now</c>, re-sends a POST after any I/O error (a create could be
/// submitted twice), and its timeout surfaces as a bare cancellation that cannot be told from the caller's own.
/// </para>
/// <para>
/// A create (POST /v1/messages/batches) has no idempotency key, so it is re-sent only when it provably did not reach
/// the server: no connection was made, or the answer was 429/529. Every other failure is left to
/// <see cref="AnthropicBatchesApi.CreateAsync"/>, which looks for the batch instead of sending it again.
/// </para>
/// </summary>
internal sealed class RetryHandler(BatchesApiSettings settings) : DelegatingHandler
{
    // The SDK stamps its own attempt number (always 0, its retries being off); keep it truthful for the server.
    private const string RetryCountHeader = "x-stainless-retry-count";

    private long _retries;

    /// <summary>Retries performed so far by this client (for tests and a diagnostics line).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public event Action<RetryEvent>? Retrying;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        bool create = IsCreate(request);
        for (int retry = 0; ; retry++)
        {
            if (retry > 0 && request.Headers.Remove(RetryCountHeader))
                request.Headers.TryAddWithoutValidation(RetryCountHeader, retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
            HttpResponseMessage? response = null;
            BatchApiException? failure = null;
            bool retryable;

            using (var timeout = new CancellationTokenSource(settings.Timeout, settings.Time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
            {
                try
                {
                    response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
                    int code = (int)response.StatusCode;
                    // 4xx (but 408) and 529 are refusals; anything else may follow a batch being created.
                    if (code is not (>= 400 and < 500 and not 408 or 529)) Arrived();
                    retryable = create ? RetryPolicy.ShouldRetryCreate(response) : RetryPolicy.ShouldRetry(response);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    Arrived(); // the caller gave up, not knowing whether the server acted
                    throw;
                }
                catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
                {
                    failure = new BatchApiException(null, "timeout",
                        $"no response within {settings.Timeout.TotalSeconds:0.#} s from {Describe(request)}", null, e);
                    Arrived();
                    retryable = IsIdempotent(request.Method);
                }
                catch (HttpRequestException e)
                {
                    failure = new BatchApiException(null, "connection_error",
                        $"{Describe(request)}: {ConnectionProblem(e)}", null, e);
                    // A POST is only re-sent when it certainly never reached the server.
                    if (!NeverSent(e)) Arrived();
                    retryable = IsIdempotent(request.Method) || NeverSent(e);
                }
            }

            TimeSpan? asked = response is null ? null : RetryPolicy.RetryAfter(response.Headers, settings.Time.GetUtcNow());
            if (!retryable || retry >= settings.MaxRetries)
            {
                if (failure is not null) throw failure;
                return Final(response!, asked);
            }

            TimeSpan delay;
            if (response is not null)
            {
                if (asked > RetryPolicy.MaxHonouredRetryAfter) return Final(response, asked); // surface it rather than hang
                delay = asked ?? RetryPolicy.Backoff(retry + 1, settings.Jitter());
            }
            else
            {
                delay = RetryPolicy.Backoff(retry + 1, settings.Jitter());
            }

            int? status = response is null ? null : (int)response.StatusCode;
            string reason = response is null ? failure!.ErrorType : $"HTTP {status}";
            response?.Dispose();
            Interlocked.Increment(ref _retries);
            Retrying?.Invoke(new RetryEvent(retry + 1, request.Method.Method, request.RequestUri?.AbsolutePath ?? "",
                status, reason, delay));
            await (settings.Delay?.Invoke(delay, ct) ?? Task.Delay(delay, settings.Time, ct)).ConfigureAwait(false);
        }
    }

    // The answer handed back to the SDK: an error's retry-after goes to the caller (the SDK's exception drops it).
    private static HttpResponseMessage Final(HttpResponseMessage response, TimeSpan? retryAfter)
    {
        if (LastResponse.Current is { } note) note.RetryAfter = response.IsSuccessStatusCode ? null : retryAfter;
        return response;
    }

    private static void Arrived()
    {
        if (LastResponse.Current is { } note) note.MayHaveArrived = true;
    }

    /// <summary>POST /v1/messages/batches (beta or not): the one call that must never be sent twice.</summary>
    internal static bool IsCreate(HttpRequestMessage r) =>
        r.Method == HttpMethod.Post && r.RequestUri is { } u
        && u.AbsolutePath.TrimEnd('/').EndsWith("/messages/batches", StringComparison.Ordinal);

    private static bool IsIdempotent(HttpMethod m) => m == HttpMethod.Get || m == HttpMethod.Delete || m == HttpMethod.Head;

    private static bool NeverSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static string Describe(HttpRequestMessage r) =>
        $"{r.Method} {r.RequestUri?.GetLeftPart(UriPartial.Path)}";

    internal static string ConnectionProblem(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => $"could not connect ({Innermost(e).Message})",
        HttpRequestError.NameResolutionError => $"host name not found ({Innermost(e).Message})",
        HttpRequestError.SecureConnectionError => $"TLS handshake failed ({Innermost(e).Message})",
        HttpRequestError.ResponseEnded => "the connection closed before the response was complete",
        _ => Innermost(e).Message,
    };

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
