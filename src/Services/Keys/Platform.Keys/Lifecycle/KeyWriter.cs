using Npgsql;
using Platform.EventStore;
using Platform.Keys.Caching;

namespace Platform.Keys.Lifecycle;

/// <summary>
/// Appends to a key's stream together with the service's own secret-table changes, in one transaction, then drops
/// the key from this instance's Authenticate cache at once (other instances follow through the integration events).
/// </summary>
public sealed class KeyWriter(NpgsqlDataSource dataSource, IEventStore store, KeySnapshotCache cache)
{
    public const string StreamType = "key";

    /// <summary>The actor of changes the service makes itself (expiry, grace ends, member removal).</summary>
    public const string ServiceActor = "service:keys";

    public static string StreamId(string hash) => $"key-{hash}";

    public async Task AppendAsync(string hash, ExpectedVersion expected, IReadOnlyList<object> events, string actor,
        Func<NpgsqlTransaction, Task>? alsoInTransaction, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (alsoInTransaction is not null) await alsoInTransaction(transaction);
        await AppendAsync(transaction, hash, expected, events, actor, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Committed(hash);
    }

    /// <summary>
    /// Inside the caller's transaction (a consumer's); the caller commits, then calls <see cref="Committed"/>.
    /// The cache is not touched here: dropped before the commit, a concurrent Authenticate could read the old row
    /// (still committed) after the drop and cache it again, with nothing left to drop it on this instance.
    /// </summary>
    public async Task AppendAsync(NpgsqlTransaction transaction, string hash, ExpectedVersion expected, IReadOnlyList<object> events,
        string actor, string? causationId, CancellationToken cancellationToken)
    {
        var metadata = EventMetadata.For(actor, correlationId: Guid.CreateVersion7().ToString(), causationId: causationId);
        await store.AppendAsync(transaction, StreamId(hash), StreamType, expected, events, metadata, cancellationToken);
    }

    /// <summary>Drops the key from this instance's Authenticate cache; call once the change is committed.</summary>
    public void Committed(string hash) => cache.Invalidate(hash);

    public static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The instant in UTC to the microsecond, as PostgreSQL stores it, so what is compared in memory (expiry, grace)
    /// is what the database holds.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
