using Dapper;
using Npgsql;

namespace Platform.Identity.Organizations;

public sealed record OrganizationRow(Guid OrganizationId, Guid AccountId, string Name, int MemberLimit, int MemberCount, DateTime CreatedAt, string? MyRole);

public sealed record MembershipRow(Guid OrganizationId, Guid AccountId, string OrganizationName, string UserId, string? Email, string? Name, string Role, DateTime JoinedAt);

public sealed record InvitationRow(Guid InvitationId, Guid OrganizationId, string Email, string Role, string State, string InvitedByUserId,
    DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>Reads of the read models (kept by <see cref="OrganizationProjection"/> in the append's transaction).</summary>
public sealed class OrganizationQueries(NpgsqlDataSource dataSource)
{
    private const string OrganizationColumns = """
        o.organization_id as OrganizationId, o.account_id as AccountId, o.name as Name, o.member_limit as MemberLimit,
        o.member_count as MemberCount, o.created_at as CreatedAt
        """;

    private const string MembershipColumns = """
        m.organization_id as OrganizationId, o.account_id as AccountId, o.name as OrganizationName, m.user_id as UserId,
        u.email as Email, u.name as Name, m.role as Role, m.joined_at as JoinedAt
        from memberships m join organizations o on o.organization_id = m.organization_id left join users u on u.user_id = m.user_id
        """;

    public async Task<OrganizationRow?> GetAsync(Guid organizationId, string? userId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition($"""
            select {OrganizationColumns}, m.role as MyRole from organizations o
            left join memberships m on m.organization_id = o.organization_id and m.user_id = @userId
            where o.organization_id = @organizationId
            """, new { organizationId, userId }, cancellationToken: ct));
    }

    public async Task<(IReadOnlyList<OrganizationRow> Page, int Total)> ListMineAsync(string userId, int offset, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<OrganizationRow>(new CommandDefinition($"""
            select {OrganizationColumns}, m.role as MyRole from memberships m join organizations o on o.organization_id = m.organization_id
            where m.user_id = @userId order by o.organization_id offset @offset limit @limit
            """, new { userId, offset, limit }, cancellationToken: ct))).ToList();
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition("select count(*)::int from memberships where user_id = @userId", new { userId }, cancellationToken: ct));
        return (rows, total);
    }

    public async Task<IReadOnlyList<MembershipRow>> MembershipsOfAsync(string userId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<MembershipRow>(new CommandDefinition($"select {MembershipColumns} where m.user_id = @userId order by m.organization_id",
            new { userId }, cancellationToken: ct))).ToList();
    }

    public async Task<MembershipRow?> GetMembershipAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<MembershipRow>(new CommandDefinition(
            $"select {MembershipColumns} where m.organization_id = @organizationId and m.user_id = @userId", new { organizationId, userId }, cancellationToken: ct));
    }

    public async Task<(IReadOnlyList<MembershipRow> Page, int Total)> ListMembersAsync(Guid organizationId, int offset, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        // Stable order: joined_at then user id, so pages neither repeat nor skip members.
        var rows = (await c.QueryAsync<MembershipRow>(new CommandDefinition(
            $"select {MembershipColumns} where m.organization_id = @organizationId order by m.joined_at, m.user_id offset @offset limit @limit",
            new { organizationId, offset, limit }, cancellationToken: ct))).ToList();
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition("select count(*)::int from memberships where organization_id = @organizationId",
            new { organizationId }, cancellationToken: ct));
        return (rows, total);
    }

    public async Task<(IReadOnlyList<InvitationRow> Page, int Total)> ListInvitationsAsync(Guid organizationId, bool includeClosed, DateTimeOffset now,
        int offset, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        const string where = "organization_id = @organizationId and (@includeClosed or (state = 'pending' and expires_at > @now))";
        var parameters = new { organizationId, includeClosed, now, offset, limit };
        var rows = (await c.QueryAsync<InvitationRow>(new CommandDefinition($"""
            select invitation_id as InvitationId, organization_id as OrganizationId, email as Email, role as Role, state as State,
                   invited_by_user_id as InvitedByUserId, created_at as CreatedAt, expires_at as ExpiresAt
            from invitations where {where} order by created_at, invitation_id offset @offset limit @limit
            """, parameters, cancellationToken: ct))).ToList();
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition($"select count(*)::int from invitations where {where}", parameters, cancellationToken: ct));
        return (rows, total);
    }

    public async Task<InvitationRow?> GetInvitationAsync(Guid invitationId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition("""
            select invitation_id as InvitationId, organization_id as OrganizationId, email as Email, role as Role, state as State,
                   invited_by_user_id as InvitedByUserId, created_at as CreatedAt, expires_at as ExpiresAt
            from invitations where invitation_id = @invitationId
            """, new { invitationId }, cancellationToken: ct));
    }

    /// <summary>The organization (if any) whose account is <paramref name="accountId"/>.</summary>
    public async Task<Guid?> OrganizationOfAccountAsync(Guid accountId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("select organization_id from organizations where account_id = @accountId",
            new { accountId }, cancellationToken: ct));
    }

    public async Task<string?> RoleAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "select role from memberships where organization_id = @organizationId and user_id = @userId", new { organizationId, userId }, cancellationToken: ct));
    }
}
