using System.Collections.Concurrent;

namespace BatchTui.Core.Tests.Api;

/// <summary>
/// The innermost handler's wrapper: records each request exactly as it leaves for the socket (after the SDK and the
/// retry handler are done with it), so a test can see the headers on the wire.
/// </summary>
internal sealed class HeaderSpy() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<RecordedRequest> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        Sent.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers));
        return base.SendAsync(request, ct);
    }
}
