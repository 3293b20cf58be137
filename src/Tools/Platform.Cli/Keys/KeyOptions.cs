using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Platform.Cli.Keys;

/// <summary>Key options parsed and checked before any call: a bad value fails with exit code 2 and changes nothing.</summary>
internal static class KeyOptions
{
    public static Option<decimal?> Limit() => new("--limit")
    {
        HelpName = "USD",
        Description = "Spending limit in USD, e.g. 12.5 (at most 6 decimals)",
        CustomParser = ParseLimit,
    };

    public static Option<string?> LimitReset(bool allowNever)
    {
        var option = new Option<string?>("--limit-reset") { Description = allowNever ? "daily, weekly, monthly or never" : "daily, weekly or monthly" };
        option.AcceptOnlyFromAmong(allowNever ? ["daily", "weekly", "monthly", "never"] : ["daily", "weekly", "monthly"]);
        return option;
    }

    public static Option<string> Kind()
    {
        var option = new Option<string>("--kind") { Description = "inference (calls models) or management (manages keys)", DefaultValueFactory = _ => "inference" };
        option.AcceptOnlyFromAmong("inference", "management");
        return option;
    }

    public static Option<DateTimeOffset?> Expires() => new("--expires")
    {
        HelpName = "UTC",
        Description = "When the key stops working, UTC, e.g. 2026-12-31T00:00:00Z",
        CustomParser = ParseExpires,
    };

    public static Option<TimeSpan> Grace() => new("--grace")
    {
        HelpName = "DURATION",
        Description = "How long the old secret keeps working: 0 to 7d, e.g. 30s, 10m, 2h, 1d (default 0: retired at once)",
        CustomParser = r => Durations.Parse(r, "--grace", r.Tokens.Single().Value, TimeSpan.FromDays(7)),
    };

    public static string Format(decimal limit) => limit.ToString(CultureInfo.InvariantCulture);

    private static decimal? ParseLimit(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"--limit: '{text}' is not an amount in USD such as 12.5.");
            return null;
        }
        if (value < 0) result.AddError($"--limit: {text} is negative.");
        // 12.500 is 12.5: only significant decimals count.
        value /= 1.000000000000000000000000000000000m;
        if (value.Scale > 6) result.AddError($"--limit: {text} has more than 6 decimals.");
        return value;
    }

    private static DateTimeOffset? ParseExpires(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value.ToUniversalTime();
        result.AddError($"--expires: '{text}' is not a date and time such as 2026-12-31T00:00:00Z.");
        return null;
    }
}
