namespace Platform.Contracts.IntegrationEvents;

// Facts the Identity service publishes (through its event store's outbox) for other services to react to.
// Roles are "admin" or "member". Consumers must be idempotent: delivery is at least once.

public sealed record OrganizationCreated(Guid OrganizationId, Guid AccountId, string Name, string CreatorUserId, DateTimeOffset OccurredAt);

public sealed record MemberJoined(Guid OrganizationId, Guid AccountId, string UserId, string Role, DateTimeOffset OccurredAt);

public sealed record MemberRoleChanged(Guid OrganizationId, Guid AccountId, string UserId, string PreviousRole, string Role,
    string ActorId, DateTimeOffset OccurredAt);

/// <summary>A member left or was removed; <paramref name="Reason"/> is "removed" or "left". Their keys in the account get disabled.</summary>
public sealed record MemberRemoved(Guid OrganizationId, Guid AccountId, string UserId, string Reason, string ActorId, DateTimeOffset OccurredAt);
