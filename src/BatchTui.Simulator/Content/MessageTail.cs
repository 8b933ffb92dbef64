namespace BatchTui.Simulator.Content;

/// <summary>What a scenario decided beyond its content blocks: how the message stopped and what it used.</summary>
internal sealed class MessageTail
{
    /// <summary>When the request ran (virtual time): the base for container expiry and fetch timestamps.</summary>
    public DateTimeOffset RanAt { get; init; }

    public string StopReason { get; set; } = "end_turn";
    public string? StopSequence { get; set; }
    public bool Refusal { get; set; }
    public string? RefusalCategory { get; set; }
    public string? RefusalExplanation { get; set; }
    public bool Container { get; set; }
    public bool Skills { get; set; }
    public int WebSearches { get; set; }
    public int WebFetches { get; set; }
    public int ThinkingChars { get; set; }
    public bool Compacted { get; set; }
    public bool ContextEdits { get; set; }

    /// <summary>Drops what only the beta Message has (container skills, context_management, usage iterations).</summary>
    public void NonBetaOnly()
    {
        Skills = false;
        Compacted = false;
        ContextEdits = false;
    }
}
