using Platform.EventStore;

namespace Platform.Identity.Organizations;

/// <summary>Organizations, memberships and invitations as tables, written in the append's transaction.</summary>
public sealed class OrganizationProjection : Projection
{
    public OrganizationProjection() : base("organizations", "organizations", "memberships", "invitations")
    {
        On<OrganizationCreated>((e, c) => c.ExecuteAsync(
            "insert into organizations (organization_id, account_id, name, member_limit, member_count, created_at) values (@id, @account, @name, @limit, 0, @at)",
            ("id", e.OrganizationId), ("account", e.AccountId), ("name", e.Name), ("limit", e.MemberLimit), ("at", c.Event.Recorded)));
        On<OrganizationRenamed>((e, c) => c.ExecuteAsync("update organizations set name = @name where organization_id = @id",
            ("id", e.OrganizationId), ("name", e.Name)));
        On<MemberLimitChanged>((e, c) => c.ExecuteAsync("update organizations set member_limit = @limit where organization_id = @id",
            ("id", e.OrganizationId), ("limit", e.MemberLimit)));
        On<MemberInvited>((e, c) => c.ExecuteAsync(
            """
            insert into invitations (invitation_id, organization_id, email, role, state, invited_by_user_id, created_at, expires_at)
            values (@id, @org, @email, @role, 'pending', @by, @at, @expires)
            """,
            ("id", e.InvitationId), ("org", e.OrganizationId), ("email", e.Email), ("role", e.Role), ("by", e.InvitedByUserId),
            ("at", c.Event.Recorded), ("expires", e.ExpiresAt)));
        On<InvitationRevoked>((e, c) => c.ExecuteAsync("update invitations set state = 'revoked' where invitation_id = @id", ("id", e.InvitationId)));
        On<MemberJoined>(async (e, c) =>
        {
            await c.ExecuteAsync("insert into memberships (organization_id, user_id, role, joined_at) values (@org, @user, @role, @at)",
                ("org", e.OrganizationId), ("user", e.UserId), ("role", e.Role), ("at", c.Event.Recorded));
            await CountAsync(c, e.OrganizationId, +1);
            if (e.InvitationId is { } invitation)
                await c.ExecuteAsync("update invitations set state = 'accepted' where invitation_id = @id", ("id", invitation));
        });
        On<MemberRoleChanged>((e, c) => c.ExecuteAsync("update memberships set role = @role where organization_id = @org and user_id = @user",
            ("org", e.OrganizationId), ("user", e.UserId), ("role", e.Role)));
        On<MemberRemoved>((e, c) => LeaveAsync(c, e.OrganizationId, e.UserId));
        On<MemberLeft>((e, c) => LeaveAsync(c, e.OrganizationId, e.UserId));
    }

    private static async Task LeaveAsync(ProjectionContext c, Guid organizationId, string userId)
    {
        await c.ExecuteAsync("delete from memberships where organization_id = @org and user_id = @user", ("org", organizationId), ("user", userId));
        await CountAsync(c, organizationId, -1);
    }

    private static Task<int> CountAsync(ProjectionContext c, Guid organizationId, int delta) =>
        c.ExecuteAsync("update organizations set member_count = member_count + @delta where organization_id = @id", ("id", organizationId), ("delta", delta));
}
