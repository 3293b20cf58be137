using MassTransit;
using Npgsql;
using Platform.EventStore;
using Platform.Keys.Lifecycle;
using Platform.Keys.Storage;
using Platform.Messaging;
using MemberRemoved = Platform.Contracts.IntegrationEvents.MemberRemoved;

namespace Platform.Keys.Membership;

/// <summary>
/// A member left or was removed: every key they created in that account is disabled at once, with the reason,
/// by the service itself. An admin may enable a key again. Runs once per message (shared queue, idempotent).
/// </summary>
public sealed partial class MemberRemovedConsumer(ProcessedMessages processed, KeyQueries queries, IEventStore store, KeyWriter writer,
    ILogger<MemberRemovedConsumer> logger) : IdempotentConsumer<MemberRemoved>(processed)
{
    public const string Reason = "member removed from organization";

    // The keys disabled by this delivery's transaction; a consumer instance serves one message (MassTransit scopes it).
    private readonly List<string> _disabled = [];

    protected override async Task ConsumeOnceAsync(ConsumeContext<MemberRemoved> context, NpgsqlTransaction transaction)
    {
        _disabled.Clear(); // a retried delivery starts again
        var message = context.Message;
        var hashes = await queries.EnabledKeysOfCreatorAsync(transaction, message.AccountId, message.UserId, context.CancellationToken);
        foreach (var hash in hashes)
        {
            var key = await store.AggregateAsync<ApiKeyState>(KeyWriter.StreamId(hash), cancellationToken: context.CancellationToken);
            if (key.State.Disabled || key.State.Deleted) continue;
            await writer.AppendAsync(transaction, hash, key.Expected, [new KeyDisabled(hash, message.AccountId, Reason)], KeyWriter.ServiceActor,
                context.MessageId?.ToString(), context.CancellationToken);
            _disabled.Add(hash);
        }
        LogDisabled(logger, _disabled.Count, message.AccountId);
    }

    // Only now: an Authenticate that loaded a key between a drop and the commit would have cached it enabled again.
    protected override Task OnCommittedAsync(ConsumeContext<MemberRemoved> context)
    {
        foreach (var hash in _disabled) writer.Committed(hash);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "A member left account {AccountId}: disabled {Count} of their keys")]
    private static partial void LogDisabled(ILogger logger, int count, Guid accountId);
}
