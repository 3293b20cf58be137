namespace Platform.EventStore.Tests;

[EventType("test.key-created")]
public sealed record KeyCreated(Guid KeyId, string Name, decimal Limit);

[EventType("test.key-renamed")]
public sealed record KeyRenamed(Guid KeyId, string Name);

[EventType("test.key-revoked")]
public sealed record KeyRevoked(Guid KeyId, string Reason);

[EventType("test.note")]
public sealed record Note(string Text, double Weight = 0, long Count = 0);

public sealed record KeyState(Guid KeyId, string Name, decimal Limit, bool Revoked, int Renames) : IAggregateState<KeyState>
{
    public static KeyState Initial { get; } = new(Guid.Empty, "", 0, false, 0);

    public KeyState Apply(object @event) => @event switch
    {
        KeyCreated e => this with { KeyId = e.KeyId, Name = e.Name, Limit = e.Limit },
        KeyRenamed e => this with { Name = e.Name, Renames = Renames + 1 },
        KeyRevoked => this with { Revoked = true },
        _ => this,
    };
}
