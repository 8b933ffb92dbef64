using System.Collections.Concurrent;

namespace BatchTui.Tests.Support;

/// <summary>A request as it left for the socket: method, path and query, headers (names lower-cased).</summary>
public sealed record WireRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// The client's innermost handler: records each request exactly as it leaves for the socket (after the SDK and the
/// retry handler are done with it), so a test can see what was sent, headers included.
/// </summary>
public sealed class WireLog() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<WireRequest> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        Sent.Enqueue(new WireRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers));
        return base.SendAsync(request, ct);
    }
}
