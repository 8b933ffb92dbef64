namespace BatchTui.Core.Results.Index;

/// <summary>
/// The compact index record of one line: where its bytes are and the few fields the list, filters and summary need.
/// Strings that repeat (stop reason, error type, model) are ids into the index's <see cref="StringPool"/>; the text
/// preview is a location inside the line, decoded only when a row is drawn, so memory stays small and flat.
/// </summary>
public readonly struct ResultEntry
{
    internal ResultEntry(long offset, int length, int lineNumber, string customId, ResultKind kind, short reason, short model,
        int inputTokens, int outputTokens, int cacheCreationTokens, int cacheReadTokens, int previewOffset, int previewLength, int blockCount)
    {
        Offset = offset; Length = length; LineNumber = lineNumber; CustomId = customId; Kind = kind; ReasonId = reason;
        ModelId = model; InputTokens = inputTokens; OutputTokens = outputTokens; CacheCreationTokens = cacheCreationTokens;
        CacheReadTokens = cacheReadTokens; PreviewOffset = previewOffset; PreviewLength = previewLength; BlockCount = blockCount;
    }

    /// <summary>Byte offset of the line in the file.</summary>
    public long Offset { get; }
    /// <summary>Length of the line in bytes, without the newline.</summary>
    public int Length { get; }
    /// <summary>1-based line number in the file (blank lines count).</summary>
    public int LineNumber { get; }
    /// <summary>The custom_id, or "" when the line has none (unparseable).</summary>
    public string CustomId { get; }
    public ResultKind Kind { get; }
    /// <summary>Pool id of the stop_reason (succeeded) or error type (errored); -1 when none.</summary>
    public short ReasonId { get; }
    /// <summary>Pool id of the model; -1 when none.</summary>
    public short ModelId { get; }
    public int InputTokens { get; }
    public int OutputTokens { get; }
    public int CacheCreationTokens { get; }
    public int CacheReadTokens { get; }
    /// <summary>Offset inside the line of the first text block's raw (still JSON-escaped) string bytes; -1 when none.</summary>
    public int PreviewOffset { get; }
    public int PreviewLength { get; }
    public int BlockCount { get; }

    /// <summary>The same row with its line number moved on by <paramref name="lines"/> (a segment joining the index).</summary>
    internal ResultEntry AfterLines(int lines) => new(Offset, Length, LineNumber + lines, CustomId, Kind, ReasonId, ModelId,
        InputTokens, OutputTokens, CacheCreationTokens, CacheReadTokens, PreviewOffset, PreviewLength, BlockCount);

    public long TotalTokens => (long)InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;
}
