using Platform.Authentication.Callers;
using Platform.Domain;
using Platform.EventStore;

namespace Platform.Identity.Organizations;

/// <summary>Who may see and change an organization. Organizations the caller may not see are NOT_FOUND, never PERMISSION_DENIED.</summary>
public static class OrganizationRules
{
    public const int DefaultMemberLimit = 10;
    public const int MaxMemberLimit = 10_000;

    public static OrganizationState RequireVisible(this Aggregate<OrganizationState> organization, Caller caller, bool supportMayRead = false)
    {
        if (!organization.Exists || (organization.State.RoleOf(caller.UserId) is null && !(supportMayRead && caller.IsSupport)))
            throw new NotFoundException("No such organization.");
        return organization.State;
    }

    public static OrganizationState RequireAdmin(this Aggregate<OrganizationState> organization, Caller caller)
    {
        var state = organization.RequireVisible(caller);
        return state.RoleOf(caller.UserId) == Roles.Admin ? state : throw new PermissionDeniedException("Only an admin of the organization may do this.");
    }

    public static string LimitReached(int limit) => $"The organization has reached its member limit of {limit}.";
}
