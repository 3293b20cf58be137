using System.Reflection;
using System.Text.Json;
using Platform.Domain;

namespace Platform.EventStore;

/// <summary>The registered event types: stable name to C# record type and back.</summary>
public sealed class EventTypes
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public EventTypes Register<TEvent>(string? name = null) where TEvent : class => Register(typeof(TEvent), name);

    public EventTypes Register(Type type, string? name = null)
    {
        name ??= type.GetCustomAttribute<EventTypeAttribute>()?.Name
                 ?? throw new ArgumentException($"{type.Name} has no [EventType] attribute; pass a name.", nameof(type));
        if (!IsValidName(name)) throw new ArgumentException($"'{name}' is not a valid event type name (1-200 characters: a-z, 0-9, '.', '_', '-').", nameof(name));
        if (_byName.TryGetValue(name, out var existing) && existing != type)
            throw new ArgumentException($"The event type name '{name}' is already used by {existing.Name}.", nameof(name));
        if (_byType.TryGetValue(type, out var existingName) && existingName != name)
            throw new ArgumentException($"{type.Name} is already registered as '{existingName}'.", nameof(type));
        _byName[name] = type;
        _byType[type] = name;
        return this;
    }

    /// <summary>Registers every class of the assembly that carries <see cref="EventTypeAttribute"/>.</summary>
    public EventTypes RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null))
            Register(type);
        return this;
    }

    public string NameOf(Type type) => _byType.TryGetValue(type, out var name)
        ? name
        : throw new ValidationException("events", $"The event type {type.Name} is not registered with the event store.");

    public bool TryGetType(string name, out Type type) => _byName.TryGetValue(name, out type!);

    /// <summary>Deserializes a stored event; a name this service does not know becomes an <see cref="UnregisteredEvent"/>.</summary>
    public object Deserialize(string name, string json, JsonSerializerOptions options) =>
        _byName.TryGetValue(name, out var type)
            ? JsonSerializer.Deserialize(json, type, options) ?? throw new InvalidOperationException($"Event data of '{name}' is null.")
            : new UnregisteredEvent(name, json);

    internal static bool IsValidName(string name) =>
        name.Length is > 0 and <= 200 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-');
}

/// <summary>An event whose type name this process has not registered (history written by a newer or older version).</summary>
public sealed record UnregisteredEvent(string Type, string Json);
