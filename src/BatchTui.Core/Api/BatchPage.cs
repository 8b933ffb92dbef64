namespace BatchTui.Core.Api;

/// <summary>Which page to ask for: at most one of <see cref="BeforeId"/> / <see cref="AfterId"/>.</summary>
public sealed record PageRequest(int Limit = 20, string? BeforeId = null, string? AfterId = null);

/// <summary>One page of the list endpoint. <see cref="HasMore"/> refers to the direction that was asked for.</summary>
public sealed record BatchPage(IReadOnlyList<MessageBatch> Data, string? FirstId, string? LastId, bool HasMore);
