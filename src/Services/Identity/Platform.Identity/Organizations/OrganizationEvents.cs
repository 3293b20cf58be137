using Platform.EventStore;

namespace Platform.Identity.Organizations;

// The organization stream's events ("organization-<uuid>"). Stored and hashed under these names: never rename them.
// They carry no secrets (an invitation's token hash lives only in the invitation_tokens table).
// Roles are "admin" or "member".

[EventType("identity.organization-created")]
public sealed record OrganizationCreated(Guid OrganizationId, Guid AccountId, string Name, string CreatorUserId, int MemberLimit);

[EventType("identity.organization-renamed")]
public sealed record OrganizationRenamed(Guid OrganizationId, string PreviousName, string Name);

[EventType("identity.member-invited")]
public sealed record MemberInvited(Guid OrganizationId, Guid InvitationId, string Email, string Role, string InvitedByUserId, DateTimeOffset ExpiresAt);

[EventType("identity.invitation-revoked")]
public sealed record InvitationRevoked(Guid OrganizationId, Guid InvitationId);

/// <summary>A user joined: the creator at creation (no invitation), or an invitee accepting.</summary>
[EventType("identity.member-joined")]
public sealed record MemberJoined(Guid OrganizationId, Guid AccountId, string UserId, string Role, Guid? InvitationId);

[EventType("identity.member-role-changed")]
public sealed record MemberRoleChanged(Guid OrganizationId, Guid AccountId, string UserId, string PreviousRole, string Role);

[EventType("identity.member-removed")]
public sealed record MemberRemoved(Guid OrganizationId, Guid AccountId, string UserId);

[EventType("identity.member-left")]
public sealed record MemberLeft(Guid OrganizationId, Guid AccountId, string UserId);

[EventType("identity.member-limit-changed")]
public sealed record MemberLimitChanged(Guid OrganizationId, int PreviousLimit, int MemberLimit);
