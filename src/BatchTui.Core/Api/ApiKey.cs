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

    /// <summary>Removes every occurrence of the key from <paramref name="text"/> (for messages echoed by a server).</summary>
    public string Scrub(string text) => text.Replace(_value, Redacted, StringComparison.Ordinal);

    public const string Redacted = "[redacted]";

    public override string ToString() => Redacted;
    public bool Equals(ApiKey? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => Equals(obj as ApiKey);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
