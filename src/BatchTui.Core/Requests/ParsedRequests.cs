namespace BatchTui.Core.Requests;

/// <summary>The outcome of reading a requests text: the entries found and every syntax error, with positions.</summary>
public sealed record ParsedRequests(RequestsFormat Format, IReadOnlyList<RequestEntry> Entries, IReadOnlyList<JsonSyntaxError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
