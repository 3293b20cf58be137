using System.Security.Claims;
using Platform.Domain;

namespace Platform.Authentication.Callers;

/// <summary>A typed view of who is calling, read once from the principal the transport authenticated.</summary>
public sealed record Caller(
    CallerKind Kind,
    string? UserId,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? PlatformRole,
    string? KeyHash,
    Guid? AccountId)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, null, null, false, null, null, null, null);

    public bool IsSupport => PlatformRole == "support";

    public bool IsAuditor => PlatformRole == "auditor";

    /// <summary>Who did it, as recorded on events: <c>user:&lt;id&gt;</c>, <c>service:&lt;name&gt;</c> or <c>key:&lt;hash&gt;</c>.</summary>
    public string ActorId => Kind switch
    {
        CallerKind.User => $"user:{UserId}",
        CallerKind.Service => UserId ?? "service:unknown",
        CallerKind.ManagementKey or CallerKind.InferenceKey => $"key:{KeyHash}",
        _ => "anonymous",
    };

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true }) return Anonymous;
        string? Claim(string type) => principal.FindFirst(type)?.Value;

        var keyKind = Claim(PlatformClaims.KeyKind);
        var kind = keyKind switch
        {
            "management" => CallerKind.ManagementKey,
            "inference" => CallerKind.InferenceKey,
            _ => (Claim(PlatformClaims.Scope) ?? "").Split(' ').Contains(PlatformClaims.ServiceScope) ? CallerKind.Service : CallerKind.User,
        };
        return new Caller(kind,
            kind is CallerKind.ManagementKey or CallerKind.InferenceKey ? Claim(PlatformClaims.CreatorUserId) : Claim(PlatformClaims.Subject),
            Claim(PlatformClaims.Email),
            string.Equals(Claim(PlatformClaims.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
            Claim(PlatformClaims.Name),
            Claim(PlatformClaims.PlatformRole),
            Claim(PlatformClaims.KeyHash),
            Guid.TryParse(Claim(PlatformClaims.AccountId), out var account) ? account : null);
    }

    /// <summary>The caller must be signed in (any kind); otherwise UNAUTHENTICATED.</summary>
    public Caller RequireAuthenticated() => Kind == CallerKind.Anonymous ? throw new UnauthenticatedException() : this;

    /// <summary>The caller must be a person with a user token.</summary>
    public Caller RequireUser() => RequireAuthenticated().Kind == CallerKind.User
        ? this
        : throw new PermissionDeniedException("This call needs a user's token.");

    public Caller RequireService() => RequireAuthenticated().Kind == CallerKind.Service
        ? this
        : throw new PermissionDeniedException("This call is for platform services.");
}
