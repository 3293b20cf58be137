using MassTransit;
using Npgsql;

namespace Platform.Messaging;

/// <summary>
/// The base of every consumer: <see cref="ConsumeOnceAsync"/> runs inside a transaction that also records the
/// message id for this consumer, so its changes happen once however often the message is delivered. A duplicate
/// commits nothing and is acknowledged.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(ProcessedMessages processed) : IConsumer<TMessage> where TMessage : class
{
    /// <summary>The name processed ids are recorded under; keep it stable (renaming it forgets what was processed).</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var committed = await processed.ProcessOnceAsync(ConsumerName,
            context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated."),
            transaction => ConsumeOnceAsync(context, transaction), context.CancellationToken);
        if (committed) await OnCommittedAsync(context);
    }

    /// <summary>Handle the message; write your changes through <paramref name="transaction"/> (its connection is open).</summary>
    protected abstract Task ConsumeOnceAsync(ConsumeContext<TMessage> context, NpgsqlTransaction transaction);

    /// <summary>
    /// Runs after <see cref="ConsumeOnceAsync"/>'s transaction committed (not for a duplicate): for in-process effects,
    /// such as dropping cache entries, that must not happen before other readers can see the committed state.
    /// </summary>
    protected virtual Task OnCommittedAsync(ConsumeContext<TMessage> context) => Task.CompletedTask;
}
