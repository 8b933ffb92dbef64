namespace BatchTui.Core.Api;

/// <summary>An action refused because the batch's id is not one the app will put in a URL or a file name.</summary>
public sealed class UnusableBatchIdException(string id, string reason) : ArgumentException(reason)
{
    public string Id { get; } = id;
}
