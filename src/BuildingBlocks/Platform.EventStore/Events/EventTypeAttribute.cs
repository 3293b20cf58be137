namespace Platform.EventStore;

/// <summary>
/// The stable name an event is stored under (for example <c>"key.created"</c>). The name, not the C# type name,
/// is what the log and the hash chain record, so classes can be renamed or moved without rewriting history.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
