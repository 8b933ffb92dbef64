namespace BatchTui.Core.Results.Index;

/// <summary>What <see cref="LineScanner"/> found in one line, before it becomes a <see cref="ResultEntry"/>.</summary>
internal struct LineScan
{
    public string? CustomId;
    public ResultKind Kind;
    public bool HasResult;
    public short Reason;
    public short Model;
    public int InputTokens, OutputTokens, CacheCreationTokens, CacheReadTokens;
    public int PreviewOffset, PreviewLength;
    public int BlockCount;
    /// <summary>Set when the line is unparseable: why, in words.</summary>
    public string? Problem;

    public void Reset()
    {
        this = default;
        Reason = -1;
        Model = -1;
        PreviewOffset = -1;
    }
}
