namespace BatchTui.Core.Api;

/// <summary>
/// An API key that cannot be printed by accident: <see cref="ToString"/> is redacted and it has no public property a
/// serializer or debugger display would pick up. Only <see cref="Reveal"/> hands out the value, for the HTTP client.
/// </summary>
public sealed class ApiKey : IEquatable<ApiKey>
{
    private readonly string _value;

    public ApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>A blank or missing value means "no key".</summary>
    public static ApiKey? FromOptional(string? value) => string.IsNullOrWhiteSpace(value) ? null : new ApiKey(value);

    public string Reveal() => _value;

    /// <summary>
    /// Replaces the key where it stands as a whole token in <paramref name="text"/> (for messages echoed by a server, and
    /// crash reports). Whole tokens only: the neighbours must not be key characters (letters, digits, <c>-</c>, <c>_</c>),
    /// so a short key does not mangle words (<c>inv[redacted]lid</c>) nor show where it occurs inside them.
    /// </summary>
    public string Scrub(string text)
    {
        int at = text.IndexOf(_value, StringComparison.Ordinal);
        if (at < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        int copied = 0;
        for (; at >= 0; at = text.IndexOf(_value, at + 1, StringComparison.Ordinal))
        {
            int end = at + _value.Length;
            if (at < copied || (at > 0 && IsKeyChar(text[at - 1])) || (end < text.Length && IsKeyChar(text[end]))) continue;
            sb.Append(text, copied, at - copied).Append(Redacted);
            copied = end;
        }
        return copied == 0 && sb.Length == 0 ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    public const string Redacted = "[redacted]";

    public override string ToString() => Redacted;
    public bool Equals(ApiKey? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => Equals(obj as ApiKey);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
