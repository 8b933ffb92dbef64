using BatchTui.Core.Text;

namespace BatchTui.Core.Results.Store;

/// <summary>A download's progress: bytes and lines so far, the rate, and whether it has finished.</summary>
public readonly record struct DownloadProgress(long Bytes, long Lines, double BytesPerSecond, TimeSpan Elapsed, long? ExpectedLines, bool Done)
{
    public string Describe() =>
        $"{(Done ? "downloaded" : "downloading")} {Units.Bytes(Bytes)}, {Lines:N0}{(ExpectedLines is { } e ? $" of {e:N0}" : "")} lines, {Units.Bytes((long)BytesPerSecond)}/s";
}
