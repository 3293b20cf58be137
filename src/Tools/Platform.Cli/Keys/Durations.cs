using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Cli.Keys;

/// <summary>Durations as people write them: <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c>, or <c>00:10:00</c>.</summary>
internal static partial class Durations
{
    public static TimeSpan Parse(ArgumentResult result, string option, string text, TimeSpan max)
    {
        var value = TryParse(text.Trim());
        if (value is null) result.AddError($"{option}: '{text}' is not a duration such as 30s, 10m, 2h or 1d.");
        else if (value < TimeSpan.Zero || value > max) result.AddError($"{option}: '{text}' is outside 0 to {max.TotalDays:0} days.");
        return value ?? TimeSpan.Zero;
    }

    public static TimeSpan? TryParse(string text)
    {
        if (text == "0") return TimeSpan.Zero;
        var match = Units().Match(text);
        if (match.Success && match.Length == text.Length && match.Groups["n"].Captures.Count > 0)
        {
            var total = TimeSpan.Zero;
            for (var i = 0; i < match.Groups["n"].Captures.Count; i++)
            {
                var n = double.Parse(match.Groups["n"].Captures[i].Value, CultureInfo.InvariantCulture);
                total += match.Groups["u"].Captures[i].Value switch
                {
                    "d" => TimeSpan.FromDays(n),
                    "h" => TimeSpan.FromHours(n),
                    "m" => TimeSpan.FromMinutes(n),
                    "s" => TimeSpan.FromSeconds(n),
                    _ => TimeSpan.FromMilliseconds(n),
                };
            }
            return total;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    [GeneratedRegex(@"(?:(?<n>\d+(?:\.\d+)?)(?<u>ms|d|h|m|s))+")]
    private static partial Regex Units();
}
