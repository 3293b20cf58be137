using System.Text;

namespace Platform.Grpc.Framing;

/// <summary><c>grpc-message</c> is UTF-8, percent-encoded outside printable ASCII (and '%' itself).</summary>
internal static class PercentEncoding
{
    public static string Encode(string value)
    {
        if (IsPlain(value)) return value;
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != '%') builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%')) return value;
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            // A malformed escape is kept as it is, as the spec asks.
            if (value[i] == '%' && i + 2 < value.Length
                && byte.TryParse(value.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else bytes.Add((byte)value[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsPlain(string value)
    {
        foreach (var c in value)
            if (c < 0x20 || c > 0x7E || c == '%') return false;
        return true;
    }
}
