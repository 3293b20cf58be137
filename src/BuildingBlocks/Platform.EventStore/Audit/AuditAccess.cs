using System.Security.Claims;
using Platform.Domain;

namespace Platform.EventStore.Audit;

/// <summary>Who may read and verify the audit trail: platform auditors and support.</summary>
public static class AuditAccess
{
    public const string RoleClaim = "platform_role";
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal) { "auditor", "support" };

    public static bool IsAllowed(ClaimsPrincipal? caller) =>
        caller is not null && caller.Claims.Any(c => c.Type == RoleClaim && Roles.Contains(c.Value));

    public static void Demand(ClaimsPrincipal? caller)
    {
        if (caller?.Identity is not { IsAuthenticated: true }) throw new UnauthenticatedException();
        if (!IsAllowed(caller)) throw new PermissionDeniedException("Only auditors and support may use the audit service.");
    }
}
