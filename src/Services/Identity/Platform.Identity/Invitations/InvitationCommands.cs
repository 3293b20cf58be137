using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Authentication.Callers;
using Platform.Domain;
using Platform.Identity.Organizations;
using Platform.Identity.Users;

namespace Platform.Identity.Invitations;

/// <summary>Invite by email (admin), revoke (admin), accept (the invited, verified email).</summary>
public sealed class InvitationCommands(OrganizationStreams streams, UserDirectory users, NpgsqlDataSource dataSource, TimeProvider time,
    IOptions<InvitationOptions> options)
{
    /// <summary>Returns the invitation id and the token, which exists in clear only in this return value.</summary>
    public async Task<(Guid InvitationId, string Token)> InviteAsync(Caller caller, Guid organizationId, string email, string role, CancellationToken ct)
    {
        var invitationId = Guid.CreateVersion7();
        var token = InvitationTokens.New();
        await streams.ChangeAsync(organizationId, caller, async (organization, transaction) =>
        {
            var state = organization.RequireAdmin(caller);
            var now = time.GetUtcNow();
            if (await MemberEmailExistsAsync(transaction, state, email, ct))
                throw new AlreadyExistsException("A member of the organization already has this email address.");
            if (state.Invitations.Values.Any(i => i.Email == email && i.ExpiresAt > now))
                throw new AlreadyExistsException("A pending invitation for this email address exists; revoke it to invite again.");
            if (state.Members.Count + state.PendingInvitations(now) >= state.MemberLimit)
                throw new FailedPreconditionException(OrganizationRules.LimitReached(state.MemberLimit));
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                "insert into invitation_tokens (invitation_id, token_hash) values (@invitationId, @hash)",
                new { invitationId, hash = InvitationTokens.Hash(token) }, transaction, cancellationToken: ct));
            return [new MemberInvited(organizationId, invitationId, email, role, caller.UserId!, now + options.Value.Lifetime)];
        }, ct);
        return (invitationId, token);
    }

    public Task RevokeAsync(Caller caller, Guid organizationId, Guid invitationId, CancellationToken ct) =>
        streams.ChangeAsync(organizationId, caller, (organization, _) =>
        {
            var state = organization.RequireAdmin(caller);
            // An accepted, revoked or unknown invitation cannot be revoked; an expired one can (it is tidier in the list).
            if (!state.Invitations.ContainsKey(invitationId)) throw new NotFoundException("No pending invitation with this id.");
            return Task.FromResult<IReadOnlyList<object>>([new InvitationRevoked(organizationId, invitationId)]);
        }, ct);

    /// <summary>Joins the caller to the invitation's organization; returns the organization id.</summary>
    public async Task<Guid> AcceptAsync(Caller caller, string token, CancellationToken ct)
    {
        var found = await FindAsync(token, ct) ?? throw new NotFoundException("No such invitation.");
        if (!caller.EmailVerified || string.IsNullOrEmpty(caller.Email))
            throw new PermissionDeniedException("Accepting an invitation needs a verified email address.");
        await streams.ChangeAsync(found.OrganizationId, caller, async (organization, transaction) =>
        {
            var state = organization.State;
            if (!state.Invitations.TryGetValue(found.InvitationId, out var invitation))
                throw new FailedPreconditionException("This invitation was already used or revoked.");
            if (!string.Equals(invitation.Email, caller.Email.Trim(), StringComparison.OrdinalIgnoreCase))
                throw new PermissionDeniedException("This invitation is for another email address.");
            if (invitation.ExpiresAt <= time.GetUtcNow()) throw new FailedPreconditionException("This invitation has expired.");
            if (state.RoleOf(caller.UserId) is not null) throw new AlreadyExistsException("You are already a member of this organization.");
            if (state.Members.Count >= state.MemberLimit) throw new FailedPreconditionException(OrganizationRules.LimitReached(state.MemberLimit));
            await users.EnsureAsync(caller, transaction, ct);
            return [new MemberJoined(found.OrganizationId, state.AccountId, caller.UserId!, invitation.Role, found.InvitationId)];
        }, ct);
        return found.OrganizationId;
    }

    private async Task<(Guid InvitationId, Guid OrganizationId)?> FindAsync(string token, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid, Guid)?>(new CommandDefinition("""
            select t.invitation_id, i.organization_id from invitation_tokens t join invitations i on i.invitation_id = t.invitation_id
            where t.token_hash = @hash
            """, new { hash = InvitationTokens.Hash(token) }, cancellationToken: ct));
        return row;
    }

    private static async Task<bool> MemberEmailExistsAsync(NpgsqlTransaction transaction, OrganizationState state, string email, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from users where user_id = any(@ids) and lower(email) = @email)",
            new { ids = state.Members.Keys.ToArray(), email }, transaction, cancellationToken: ct));
}
