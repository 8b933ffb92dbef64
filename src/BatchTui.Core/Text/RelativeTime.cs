using System.Globalization;

namespace BatchTui.Core.Text;

/// <summary>Durations as people read them in a table: <c>3h ago</c>, <c>in 21h</c>, <c>1h 05m</c>.</summary>
public static class RelativeTime
{
    /// <summary>The largest unit only: <c>now</c>, <c>45s</c>, <c>12m</c>, <c>3h</c>, <c>2d</c>.</summary>
    public static string Short(TimeSpan d)
    {
        d = d.Duration();
        if (d < TimeSpan.FromSeconds(1)) return "now";
        if (d < TimeSpan.FromMinutes(1)) return $"{(int)d.TotalSeconds}s";
        if (d < TimeSpan.FromHours(1)) return $"{(int)d.TotalMinutes}m";
        if (d < TimeSpan.FromDays(1)) return $"{(int)d.TotalHours}h";
        return $"{(int)d.TotalDays}d";
    }

    /// <summary>Two units: <c>45s</c>, <c>12m 03s</c>, <c>3h 07m</c>, <c>2d 04h</c>.</summary>
    public static string Precise(TimeSpan d)
    {
        d = d.Duration();
        if (d < TimeSpan.FromMinutes(1)) return $"{(int)d.TotalSeconds}s";
        if (d < TimeSpan.FromHours(1)) return $"{d.Minutes}m {d.Seconds:00}s";
        if (d < TimeSpan.FromDays(1)) return $"{(int)d.TotalHours}h {d.Minutes:00}m";
        return $"{(int)d.TotalDays}d {d.Hours:00}h";
    }

    /// <summary><c>3h ago</c> for the past, <c>in 3h</c> for the future.</summary>
    public static string From(DateTimeOffset t, DateTimeOffset now) =>
        t <= now ? (now - t < TimeSpan.FromSeconds(1) ? "now" : $"{Short(now - t)} ago") : $"in {Short(t - now)}";

    /// <summary>Like <see cref="From"/> with two units.</summary>
    public static string FromPrecise(DateTimeOffset t, DateTimeOffset now) =>
        t <= now ? $"{Precise(now - t)} ago" : $"in {Precise(t - now)}";

    /// <summary>An absolute time in the chosen zone: <c>2026-12-02 07:31:02 UTC</c> or <c>… +01:00</c>.</summary>
    public static string Absolute(DateTimeOffset t, TimeZoneInfo zone)
    {
        // A server's date at the edge of the calendar (9999-12-31T23:59Z) has no local time east of UTC: shown in UTC.
        if (t.UtcDateTime > DateTime.MaxValue.AddDays(-2) || t.UtcDateTime < DateTime.MinValue.AddDays(2)) zone = TimeZoneInfo.Utc;
        DateTimeOffset local = TimeZoneInfo.ConvertTime(t, zone);
        string offset = zone == TimeZoneInfo.Utc ? "UTC" : local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + offset;
    }
}
