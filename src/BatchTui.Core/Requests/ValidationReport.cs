namespace BatchTui.Core.Requests;

/// <summary>Every finding about a batch; it may be sent when there are no errors (warnings do not block).</summary>
public sealed record ValidationReport(IReadOnlyList<ValidationMessage> Messages)
{
    public IEnumerable<ValidationMessage> Errors => Messages.Where(m => m.Severity == Severity.Error);
    public IEnumerable<ValidationMessage> Warnings => Messages.Where(m => m.Severity == Severity.Warning);
    public bool IsValid => !Errors.Any();
}
