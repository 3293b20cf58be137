using MassTransit;
using Npgsql;
using Platform.EventStore;

namespace Platform.Messaging.Tests;

[EventType("test.key-created")]
public sealed record KeyCreated(Guid KeyId, string Name);

[EventType("test.key-revoked")]
public sealed record KeyRevoked(Guid KeyId, string Reason);

/// <summary>The integration event other services see.</summary>
public sealed record KeyRevokedIntegrationEvent(Guid KeyId, string Reason, string StreamId);

public sealed record TestTables(string Schema);

/// <summary>Keys whose first handling fails after the consumer wrote its change (the transaction must undo it).</summary>
public sealed class FaultPlan
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _attempts = new();

    public HashSet<Guid> FailOnce { get; } = [];

    public int Attempts(Guid key) => _attempts.GetValueOrDefault(key);

    public void Attempt(Guid key)
    {
        if (_attempts.AddOrUpdate(key, 1, (_, n) => n + 1) == 1 && FailOnce.Contains(key))
            throw new InvalidOperationException("Simulated failure after the change was written.");
    }
}

/// <summary>What <see cref="KeyRevokedConsumer"/>'s after-commit hook saw: per key, the applied count read on another connection.</summary>
public sealed class CommitObservations
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Guid Key, int Applied)> _seen = new();

    public IReadOnlyList<int> For(Guid key) => _seen.Where(s => s.Key == key).Select(s => s.Applied).ToList();

    public void Add(Guid key, int applied) => _seen.Enqueue((key, applied));
}

/// <summary>Counts how often each revocation took effect: an idempotent consumer must leave every count at 1.</summary>
public sealed class KeyRevokedConsumer(ProcessedMessages processed, TestTables tables, FaultPlan faults, NpgsqlDataSource dataSource,
    CommitObservations observations) : IdempotentConsumer<KeyRevokedIntegrationEvent>(processed)
{
    protected override async Task ConsumeOnceAsync(ConsumeContext<KeyRevokedIntegrationEvent> context, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand($"""
            insert into {tables.Schema}.revocations (key_id, applied) values (@k, 1)
            on conflict (key_id) do update set applied = revocations.applied + 1
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("k", context.Message.KeyId);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
        faults.Attempt(context.Message.KeyId);
    }

    // Reads on a connection of its own: only a committed change is visible there.
    protected override async Task OnCommittedAsync(ConsumeContext<KeyRevokedIntegrationEvent> context)
    {
        await using var command = dataSource.CreateCommand($"select applied from {tables.Schema}.revocations where key_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.Message.KeyId });
        observations.Add(context.Message.KeyId, (int)(await command.ExecuteScalarAsync(context.CancellationToken) ?? 0));
    }
}
