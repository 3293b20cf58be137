using Npgsql;

namespace Platform.EventStore;

/// <summary>Applies a batch to an async projection and moves its checkpoint in the same transaction (each event once).</summary>
internal sealed class AsyncProjectionSubscriber(Projection projection, NpgsqlDataSource dataSource) : ISubscriber
{
    public static SubscriptionRegistration Registration(Projection projection, EventTypes types) => new(
        projection.Name,
        services => new AsyncProjectionSubscriber(projection, (NpgsqlDataSource)services.GetService(typeof(NpgsqlDataSource))!),
        SubscriptionFilter.ForEventTypes(projection.EventTypes.Select(t => types.NameOf(t)).ToArray()));

    public async Task HandleAsync(SubscriptionBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await projection.ApplyAsync(batch.Events, transaction, cancellationToken);
        await batch.SaveCheckpointAsync(transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
