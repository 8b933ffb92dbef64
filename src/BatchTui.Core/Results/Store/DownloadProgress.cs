namespace BatchTui.Core.Results.Store;

/// <summary>A download's progress: bytes and lines so far, the rate, and whether it has finished.</summary>
public readonly record struct DownloadProgress(long Bytes, long Lines, double BytesPerSecond, TimeSpan Elapsed, long? ExpectedLines, bool Done)
{
    public string Describe() =>
        $"{(Done ? "downloaded" : "downloading")} {Size(Bytes)}, {Lines:N0}{(ExpectedLines is { } e ? $" of {e:N0}" : "")} lines, {Size((long)BytesPerSecond)}/s";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1 << 20 => $"{bytes / 1024.0:F1} KB",
        < 1 << 30 => $"{bytes / 1048576.0:F1} MB",
        _ => $"{bytes / 1073741824.0:F2} GB",
    };
}
