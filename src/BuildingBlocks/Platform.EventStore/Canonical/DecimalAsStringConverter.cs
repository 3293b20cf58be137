using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.EventStore;

/// <summary>
/// Money in events is a JSON string holding the exact decimal ("12.50", scale kept): canonical JSON numbers are
/// IEEE doubles, which cannot hold every decimal. Reading also accepts a JSON number.
/// </summary>
public sealed class DecimalAsStringConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
            : reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
