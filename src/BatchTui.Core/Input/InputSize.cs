namespace BatchTui.Core.Input;

/// <summary>Byte counts in messages about caps: 256 MB, 1 MB, 12 KB.</summary>
public static class InputSize
{
    public static string Text(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes >> 20} MB",
        >= 1 << 20 => $"{bytes / (double)(1 << 20):0.0} MB",
        >= 1 << 10 when bytes % (1 << 10) == 0 => $"{bytes >> 10} KB",
        >= 1 << 10 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes} B",
    };
}
