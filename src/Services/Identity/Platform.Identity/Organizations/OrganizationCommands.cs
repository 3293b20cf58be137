using Platform.Authentication.Callers;
using Platform.Domain;
using Platform.Identity.Users;

namespace Platform.Identity.Organizations;

/// <summary>Create, rename, and the member limit (support only).</summary>
public sealed class OrganizationCommands(OrganizationStreams streams, UserDirectory users, ILogger<OrganizationCommands> logger)
{
    public async Task<Guid> CreateAsync(Caller caller, string name, CancellationToken ct)
    {
        if (!caller.EmailVerified) throw new PermissionDeniedException("Creating an organization needs a verified email address.");
        var organizationId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await streams.ChangeAsync(organizationId, caller, async (_, transaction) =>
        {
            await users.EnsureAsync(caller, transaction, ct);
            return [
                new OrganizationCreated(organizationId, accountId, name, caller.UserId!, OrganizationRules.DefaultMemberLimit),
                new MemberJoined(organizationId, accountId, caller.UserId!, Roles.Admin, null),
            ];
        }, ct);
        Log.OrganizationCreated(logger, organizationId, caller.ActorId);
        return organizationId;
    }

    public Task RenameAsync(Caller caller, Guid organizationId, string name, CancellationToken ct) =>
        streams.ChangeAsync(organizationId, caller, (organization, _) =>
        {
            var state = organization.RequireAdmin(caller);
            IReadOnlyList<object> events = state.Name == name ? [] : [new OrganizationRenamed(organizationId, state.Name, name)];
            return Task.FromResult(events);
        }, ct);

    public Task SetMemberLimitAsync(Caller caller, Guid organizationId, int limit, CancellationToken ct)
    {
        if (!caller.IsSupport) throw new PermissionDeniedException("Only platform support may change a member limit.");
        return streams.ChangeAsync(organizationId, caller, (organization, _) =>
        {
            var state = organization.RequireVisible(caller, supportMayRead: true);
            if (limit < state.Members.Count)
                throw new FailedPreconditionException($"The organization has {state.Members.Count} members; the limit cannot be below that.");
            IReadOnlyList<object> events = state.MemberLimit == limit ? [] : [new MemberLimitChanged(organizationId, state.MemberLimit, limit)];
            return Task.FromResult(events);
        }, ct);
    }
}
