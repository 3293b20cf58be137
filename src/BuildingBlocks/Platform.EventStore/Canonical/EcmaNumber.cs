using System.Globalization;
using System.Text;

namespace Platform.EventStore;

/// <summary>ECMAScript's Number::toString for finite doubles (ECMA-262 7.1.12.1), which RFC 8785 prescribes.</summary>
public static class EcmaNumber
{
    public static string Format(double value)
    {
        if (value == 0) return "0"; // also -0
        if (value < 0) return "-" + Format(-value);

        // .NET's "R" is the shortest string that round-trips, as ECMAScript requires; take its digits and exponent.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E');
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var integerDigits = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", "");
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        var k = digits.Length;
        var n = integerDigits + exponent - leadingZeros; // value = digits × 10^(n−k)

        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;
        var builder = new StringBuilder().Append(digits[0]);
        if (k > 1) builder.Append('.').Append(digits, 1, k - 1);
        return builder.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1)).ToString();
    }
}
