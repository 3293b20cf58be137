using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Domain;

namespace Platform.Keys.Lifecycle;

/// <summary>
/// The key RPCs' own field checks (ids and pages: Platform.Domain); every violation names the proto field. Nothing is
/// changed on error.
/// </summary>
public static class KeyValidation
{
    public static readonly TimeSpan MaxGracePeriod = TimeSpan.FromDays(7);
    private static readonly string[] Resets = ["daily", "weekly", "monthly"];

    public static string? Name(Validation v, string? name, string field = "name")
    {
        if (string.IsNullOrWhiteSpace(name)) v.Add(field, "The name must not be empty.");
        else if (name.Trim().Length > 200) v.Add(field, "The name must be at most 200 characters.");
        else return name.Trim();
        return null;
    }

    /// <summary>A USD amount: a decimal string, 0 or more, at most 6 decimals. Empty means none.</summary>
    public static decimal? Limit(Validation v, string? text, string field = "limit")
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            v.Add(field, "The limit must be a decimal number of US dollars, such as \"12.50\".");
        else if (value < 0) v.Add(field, "The limit must be 0 or more.");
        else if (value.Scale > 6) v.Add(field, "The limit may have at most 6 decimals.");
        else return value;
        return null;
    }

    public static string? LimitReset(Validation v, string? text, string field = "limit_reset")
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!Resets.Contains(text)) v.Add(field, "The limit reset must be \"daily\", \"weekly\", \"monthly\" or empty.");
        return Resets.Contains(text) ? text : null;
    }

    public static DateTimeOffset? ExpiresAt(Validation v, Timestamp? timestamp, DateTimeOffset now, string field = "expires_at")
    {
        if (timestamp is null) return null;
        if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds is < -62135596800 or > 253402300799)
        {
            v.Add(field, "The expiry is not a valid timestamp.");
            return null;
        }
        // Microseconds, as PostgreSQL keeps them, so what is stored is what is compared.
        var at = KeyWriter.Truncate(timestamp.ToDateTimeOffset());
        if (at <= now) v.Add(field, "The expiry must be in the future (UTC).");
        return at;
    }

    public static string KeyHash(Validation v, string? text, string field = "hash")
    {
        if (text is { Length: 32 } && text.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0) return text;
        v.Add(field, "The key hash must be 32 lowercase hexadecimal characters.");
        return "";
    }

    public static TimeSpan GracePeriod(Validation v, Duration? duration, string field = "grace_period")
    {
        if (duration is null) return TimeSpan.Zero;
        if (duration.Seconds < 0 || duration.Nanos < 0 || duration.Nanos > 999_999_999 || duration.Seconds > MaxGracePeriod.TotalSeconds ||
            duration.ToTimeSpan() > MaxGracePeriod)
        {
            v.Add(field, "The grace period must be 0 to 7 days.");
            return TimeSpan.Zero;
        }
        return duration.ToTimeSpan();
    }
}
