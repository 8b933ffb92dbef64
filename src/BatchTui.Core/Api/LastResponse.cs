namespace BatchTui.Core.Api;

/// <summary>
/// What the final answer of one call said beyond its body: its <c>retry-after</c>. The SDK's exception keeps no
/// header but <c>request-id</c>, so <see cref="RetryHandler"/> (inside the SDK's <see cref="HttpClient"/>) writes it
/// here and the call that maps the exception reads it back. Flows with the call's async context, so calls running
/// side by side each see their own.
/// </summary>
internal sealed class LastResponse
{
    private static readonly AsyncLocal<LastResponse?> CurrentNote = new();

    /// <summary>The server's requested pause on the last response of the call, when it asked for one.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>
    /// Set when an attempt of the call may have reached the server and been acted on: an answer other than 429/529/4xx,
    /// or no answer after the request was sent (a timeout, a dropped connection). For a create this means the batch may
    /// exist although the call failed.
    /// </summary>
    public bool MayHaveArrived { get; set; }

    /// <summary>The note of the call in progress on this async flow, if one began.</summary>
    public static LastResponse? Current => CurrentNote.Value;

    /// <summary>Starts a fresh note for the call about to be sent (and everything it awaits).</summary>
    public static LastResponse Begin()
    {
        var note = new LastResponse();
        CurrentNote.Value = note;
        return note;
    }
}
