using MassTransit;
using Platform.Contracts.IntegrationEvents;
using Platform.Keys.Access;

namespace Platform.Keys.Caching;

/// <summary>
/// Keeps this instance's caches honest: every Key* event drops that key from the Authenticate cache, every member
/// event drops that user's role in that account. It listens on a queue of this instance alone (temporary, deleted
/// when the instance stops), because every instance must see every event; the competing shared queue would give
/// each event to one instance only.
/// </summary>
public sealed class CacheInvalidationConsumer(KeySnapshotCache keys, IdentityAccess access) :
    IConsumer<KeyCreated>, IConsumer<KeyRenamed>, IConsumer<KeyLimitChanged>, IConsumer<KeyDisabled>, IConsumer<KeyEnabled>,
    IConsumer<KeyRotated>, IConsumer<KeyRotationGraceEnded>, IConsumer<KeyExpired>, IConsumer<KeyDeleted>,
    IConsumer<MemberJoined>, IConsumer<MemberRoleChanged>, IConsumer<MemberRemoved>
{
    public Task Consume(ConsumeContext<KeyCreated> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyRenamed> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyLimitChanged> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyDisabled> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyEnabled> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyRotated> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyRotationGraceEnded> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyExpired> context) => Drop(context.Message.KeyHash);
    public Task Consume(ConsumeContext<KeyDeleted> context) => Drop(context.Message.KeyHash);

    public Task Consume(ConsumeContext<MemberJoined> context) => Forget(context.Message.UserId, context.Message.AccountId);
    public Task Consume(ConsumeContext<MemberRoleChanged> context) => Forget(context.Message.UserId, context.Message.AccountId);
    public Task Consume(ConsumeContext<MemberRemoved> context) => Forget(context.Message.UserId, context.Message.AccountId);

    private Task Drop(string keyHash)
    {
        keys.Invalidate(keyHash);
        return Task.CompletedTask;
    }

    private Task Forget(string userId, Guid accountId)
    {
        access.Invalidate(userId, accountId);
        return Task.CompletedTask;
    }
}
