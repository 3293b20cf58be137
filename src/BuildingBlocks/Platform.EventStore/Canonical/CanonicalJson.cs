using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Platform.Domain;

namespace Platform.EventStore;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme) as specified in docs/audit-hash.md: members sorted by UTF-16 code
/// units, no whitespace, minimal string escapes, numbers in ECMAScript form. Numbers must survive that form
/// exactly, so integers beyond 2^53 are refused (store them, and all money, as strings).
/// </summary>
public static class CanonicalJson
{
    private static readonly BigInteger MaxExactInteger = BigInteger.Pow(2, 53);

    public static string Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        using var document = JsonDocument.ParseValue(ref reader);
        var builder = new StringBuilder(utf8Json.Length);
        Write(document.RootElement, builder, "$");
        return builder.ToString();
    }

    public static string Canonicalize(string json) => Canonicalize(Encoding.UTF8.GetBytes(json));

    private static void Write(JsonElement element, StringBuilder output, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().Select(p => (p.Name, p.Value)).ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                output.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0 && members[i].Name == members[i - 1].Name)
                        throw new ValidationException(path, $"The member '{members[i].Name}' appears twice.");
                    if (i > 0) output.Append(',');
                    WriteString(members[i].Name, output, path);
                    output.Append(':');
                    Write(members[i].Value, output, $"{path}.{members[i].Name}");
                }
                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0) output.Append(',');
                    Write(item, output, $"{path}[{index++}]");
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output, path);
                break;
            case JsonValueKind.Number:
                output.Append(Number(element, path));
                break;
            case JsonValueKind.True: output.Append("true"); break;
            case JsonValueKind.False: output.Append("false"); break;
            case JsonValueKind.Null: output.Append("null"); break;
            default: throw new ValidationException(path, "Unsupported JSON value.");
        }
    }

    private static string Number(JsonElement element, string path)
    {
        var raw = element.GetRawText();
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
            throw new ValidationException(path, "The number is out of range; store it as a string.");
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0 && BigInteger.Abs(BigInteger.Parse(raw, CultureInfo.InvariantCulture)) > MaxExactInteger)
            throw new ValidationException(path, "Integers beyond 2^53 do not survive canonical JSON; store them as strings.");
        return EcmaNumber.Format(value);
    }

    private static void WriteString(string value, StringBuilder output, string path)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                output.Append(c).Append(value[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) throw new ValidationException(path, "The string holds an unpaired surrogate.");
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case < ' ': output.Append("\\u00").Append(((int)c).ToString("x2")); break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }
}
