using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.EventStore;

/// <summary>Turns event records into the canonical JSON that is stored and hashed, and back.</summary>
public sealed class EventSerializer(EventTypes types, JsonSerializerOptions options)
{
    /// <summary>camelCase names, enums by name, decimals as exact strings.</summary>
    public static JsonSerializerOptions DefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new DecimalAsStringConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public EventTypes Types => types;

    public JsonSerializerOptions Options => options;

    public (string Type, string Json) Serialize(object @event) =>
        (types.NameOf(@event.GetType()), CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), options)));

    public string SerializeMetadata(EventMetadata metadata) =>
        CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(metadata, MetadataOptions));

    public object Deserialize(string type, string json) => types.Deserialize(type, json, options);

    public static EventMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, MetadataOptions) ?? EventMetadata.Empty;

    // Metadata members are fixed (actor, causationId, correlationId, traceId); absent values are omitted.
    private static readonly JsonSerializerOptions MetadataOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
