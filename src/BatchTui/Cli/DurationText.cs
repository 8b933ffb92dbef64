using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchTui.Cli;

/// <summary>Durations on the command line: <c>90</c> (seconds), <c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1h30m</c>, <c>1d</c>.</summary>
internal static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            if (seconds <= 0 || seconds > TimeSpan.FromDays(30).TotalSeconds) return false;
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }
        Match m = Parts().Match(text);
        if (!m.Success || m.Length != text.Length) return false;
        foreach (Capture c in m.Groups["part"].Captures)
        {
            string p = c.Value;
            double n = double.Parse(p[..^1], NumberStyles.Float, CultureInfo.InvariantCulture);
            value += p[^1] switch
            {
                'd' => TimeSpan.FromDays(n),
                'h' => TimeSpan.FromHours(n),
                'm' => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }
        return value > TimeSpan.Zero && value <= TimeSpan.FromDays(30);
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[dhms])+$")]
    private static partial Regex Parts();
}
