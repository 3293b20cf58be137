using Platform.Authentication.Callers;
using Platform.Domain;
using Platform.Identity.Organizations;

namespace Platform.Identity.Members;

/// <summary>Role changes, removal and leaving; the last admin can be neither demoted, removed nor leave.</summary>
public sealed class MemberCommands(OrganizationStreams streams)
{
    private const string LastAdmin = "The organization's last admin cannot {0}; make another member admin first.";

    public Task ChangeRoleAsync(Caller caller, Guid organizationId, string userId, string role, CancellationToken ct) =>
        streams.ChangeAsync(organizationId, caller, (organization, _) =>
        {
            var state = organization.RequireAdmin(caller);
            var current = state.RoleOf(userId) ?? throw new NotFoundException("No such member.");
            if (current == role) return Task.FromResult<IReadOnlyList<object>>([]);
            if (current == Roles.Admin && state.AdminCount == 1) throw new FailedPreconditionException(string.Format(LastAdmin, "be demoted"));
            return Task.FromResult<IReadOnlyList<object>>([new MemberRoleChanged(organizationId, state.AccountId, userId, current, role)]);
        }, ct);

    public Task RemoveAsync(Caller caller, Guid organizationId, string userId, CancellationToken ct) =>
        streams.ChangeAsync(organizationId, caller, (organization, _) =>
        {
            var state = organization.RequireAdmin(caller);
            var current = state.RoleOf(userId) ?? throw new NotFoundException("No such member.");
            if (current == Roles.Admin && state.AdminCount == 1) throw new FailedPreconditionException(string.Format(LastAdmin, "be removed"));
            return Task.FromResult<IReadOnlyList<object>>([new MemberRemoved(organizationId, state.AccountId, userId)]);
        }, ct);

    public Task LeaveAsync(Caller caller, Guid organizationId, CancellationToken ct) =>
        streams.ChangeAsync(organizationId, caller, (organization, _) =>
        {
            var state = organization.RequireVisible(caller);
            if (state.RoleOf(caller.UserId) == Roles.Admin && state.AdminCount == 1)
                throw new FailedPreconditionException(string.Format(LastAdmin, "leave"));
            return Task.FromResult<IReadOnlyList<object>>([new MemberLeft(organizationId, state.AccountId, caller.UserId!)]);
        }, ct);
}
