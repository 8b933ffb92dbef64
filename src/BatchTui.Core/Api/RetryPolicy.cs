using System.Globalization;
using System.Net.Http.Headers;

namespace BatchTui.Core.Api;

/// <summary>
/// What is retried and how long to wait: 408, 409, 429, every 5xx (529 "overloaded" included), unless the server says
/// <c>x-should-retry: false</c>; exponential back-off with jitter, or exactly what <c>retry-after-ms</c> /
/// <c>retry-after</c> ask for (seconds or an HTTP date) when that is at most <see cref="MaxHonouredRetryAfter"/>.
/// A create is stricter (<see cref="ShouldRetryCreate"/>): it has no idempotency key, so only answers that say the
/// batch was not accepted are retried.
/// </summary>
internal static class RetryPolicy
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>A server asking for a longer pause gets its error surfaced instead of a frozen-looking client.</summary>
    public static readonly TimeSpan MaxHonouredRetryAfter = TimeSpan.FromSeconds(60);

    public static bool IsRetryableStatus(int status) => status is 408 or 409 or 429 or >= 500 and <= 599;

    /// <summary>Whether to retry this response at all (status and <c>x-should-retry</c>).</summary>
    public static bool ShouldRetry(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-should-retry", out var values)
            && bool.TryParse(values.FirstOrDefault(), out bool explicitAnswer))
            return explicitAnswer;
        return IsRetryableStatus((int)response.StatusCode);
    }

    /// <summary>
    /// Whether to re-send a create after this answer: only 429 and 529, which mean "not accepted". Any other 5xx (or a
    /// 408/409) may come after the batch was created, and re-sending would create it again; <c>x-should-retry: true</c>
    /// does not change that, <c>false</c> still stops a 429/529.
    /// </summary>
    public static bool ShouldRetryCreate(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-should-retry", out var values)
            && bool.TryParse(values.FirstOrDefault(), out bool explicitAnswer) && !explicitAnswer)
            return false;
        return IsNotAccepted((int)response.StatusCode);
    }

    /// <summary>Statuses that say the server did not take the request: rate limited or overloaded.</summary>
    public static bool IsNotAccepted(int status) => status is 429 or 529;

    /// <summary>The server's requested pause, if it sent one we can read.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double millis)
            && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (headers.TryGetValues("retry-after", out var ra))
        {
            string? v = ra.FirstOrDefault()?.Trim();
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return at > now ? at - now : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>
    /// Back-off before retry number <paramref name="retry"/> (1-based): 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s … each scaled
    /// by a jitter factor in [0.5, 1) so many clients hit by the same overload do not come back in lock-step.
    /// </summary>
    public static TimeSpan Backoff(int retry, double jitter01)
    {
        double seconds = Math.Min(BaseDelay.TotalSeconds * Math.Pow(2, retry - 1), MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.5 + 0.5 * Math.Clamp(jitter01, 0, 1)));
    }
}
