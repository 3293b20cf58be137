using MassTransit;
using Integration = Platform.Contracts.IntegrationEvents;

namespace Platform.Identity.Access;

/// <summary>
/// Drops this instance's cached GetAccess answers when any instance changed a membership. Not an IdempotentConsumer on
/// purpose: dropping a cache entry twice is harmless, and recording processed ids per short-lived instance queue would
/// only grow the table.
/// </summary>
public sealed class MembershipChangedConsumer(AccessCache cache) :
    IConsumer<Integration.MemberJoined>, IConsumer<Integration.MemberRoleChanged>, IConsumer<Integration.MemberRemoved>
{
    public Task Consume(ConsumeContext<Integration.MemberJoined> context) => Drop(context.Message.UserId);

    public Task Consume(ConsumeContext<Integration.MemberRoleChanged> context) => Drop(context.Message.UserId);

    public Task Consume(ConsumeContext<Integration.MemberRemoved> context) => Drop(context.Message.UserId);

    private Task Drop(string userId)
    {
        cache.Invalidate(userId);
        return Task.CompletedTask;
    }
}
