namespace BatchTui.Core.Results.Index;

/// <summary>What one line of a results file is. <see cref="Unparseable"/> lines are kept and shown, never dropped.</summary>
public enum ResultKind : byte
{
    Succeeded,
    Errored,
    Canceled,
    Expired,
    /// <summary>A well-formed result whose <c>result.type</c> this version does not know.</summary>
    Unknown,
    /// <summary>Not a result: malformed or truncated JSON, invalid UTF-8, too long, or missing custom_id/result.</summary>
    Unparseable,
}

public static class ResultKindText
{
    public static string ToWire(this ResultKind kind) => kind switch
    {
        ResultKind.Succeeded => "succeeded",
        ResultKind.Errored => "errored",
        ResultKind.Canceled => "canceled",
        ResultKind.Expired => "expired",
        ResultKind.Unknown => "unknown",
        _ => "unparseable",
    };

    public static bool TryParse(string text, out ResultKind kind)
    {
        foreach (ResultKind k in Enum.GetValues<ResultKind>())
        {
            if (string.Equals(k.ToWire(), text, StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
        }
        kind = default;
        return false;
    }
}
