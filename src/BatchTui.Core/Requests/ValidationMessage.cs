namespace BatchTui.Core.Requests;

public enum Severity { Error, Warning }

/// <summary>
/// One finding of the validator, naming the request (1-based index and custom_id) and the field.
/// <see cref="Text"/> is stable: tests and users rely on it.
/// </summary>
/// <param name="Index">1-based request index; null for a finding about the whole batch.</param>
/// <param name="Field">JSON path inside the request, e.g. <c>params.thinking.budget_tokens</c>; empty for the request itself.</param>
public sealed record ValidationMessage(Severity Severity, int? Index, string? CustomId, int? Line, string Field, string Problem)
{
    /// <summary>Where the finding is: <c>request #3 (custom_id "row-3", line 3)</c> or <c>batch</c>.</summary>
    public string Where
    {
        get
        {
            if (Index is null) return "batch";
            string id = CustomId is null ? "no custom_id" : $"custom_id \"{CustomId}\"";
            return Line is { } l ? $"request #{Index} ({id}, line {l})" : $"request #{Index} ({id})";
        }
    }

    /// <summary>e.g. <c>request #3 (custom_id "row-3", line 3): params.max_tokens must be at least 1 (got 0)</c>.</summary>
    public string Text => $"{Where}: {(Field.Length > 0 ? Field + " " : "")}{Problem}";

    public override string ToString() => Text;
}
