using System.Collections.Immutable;
using Platform.EventStore;

namespace Platform.Identity.Organizations;

/// <summary>An organization as its stream says: what every decision is taken on (then appended with the version it saw).</summary>
public sealed record OrganizationState(
    Guid Id,
    Guid AccountId,
    string Name,
    int MemberLimit,
    ImmutableDictionary<string, string> Members,
    ImmutableDictionary<Guid, PendingInvitation> Invitations) : IAggregateState<OrganizationState>
{
    public static OrganizationState Initial { get; } = new(Guid.Empty, Guid.Empty, "", 0,
        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<Guid, PendingInvitation>.Empty);

    public int AdminCount => Members.Values.Count(r => r == Roles.Admin);

    public string? RoleOf(string? userId) => userId is not null && Members.TryGetValue(userId, out var role) ? role : null;

    public int PendingInvitations(DateTimeOffset now) => Invitations.Values.Count(i => i.ExpiresAt > now);

    public OrganizationState Apply(object e) => e switch
    {
        OrganizationCreated c => this with { Id = c.OrganizationId, AccountId = c.AccountId, Name = c.Name, MemberLimit = c.MemberLimit },
        OrganizationRenamed r => this with { Name = r.Name },
        MemberInvited i => this with { Invitations = Invitations.SetItem(i.InvitationId, new PendingInvitation(i.Email, i.Role, i.ExpiresAt)) },
        InvitationRevoked r => this with { Invitations = Invitations.Remove(r.InvitationId) },
        MemberJoined j => this with
        {
            Members = Members.SetItem(j.UserId, j.Role),
            Invitations = j.InvitationId is { } id ? Invitations.Remove(id) : Invitations,
        },
        MemberRoleChanged c => this with { Members = Members.SetItem(c.UserId, c.Role) },
        MemberRemoved r => this with { Members = Members.Remove(r.UserId) },
        MemberLeft l => this with { Members = Members.Remove(l.UserId) },
        MemberLimitChanged l => this with { MemberLimit = l.MemberLimit },
        _ => this,
    };
}

/// <summary>An invitation neither accepted nor revoked (it may have expired: compare <see cref="ExpiresAt"/> with now).</summary>
public sealed record PendingInvitation(string Email, string Role, DateTimeOffset ExpiresAt);

public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
}
