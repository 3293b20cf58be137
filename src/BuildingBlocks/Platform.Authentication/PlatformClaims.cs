namespace Platform.Authentication;

/// <summary>Claim types the platform reads and writes. JWT names are used as they are (no mapping to WS-* URIs).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Name = "name";
    /// <summary>"support" or "auditor" for platform staff.</summary>
    public const string PlatformRole = "platform_role";
    /// <summary>Space-separated scopes; <see cref="ServiceScope"/> marks a platform service.</summary>
    public const string Scope = "scope";
    public const string ServiceScope = "platform.service";

    // Set by the Keys service on principals authenticated by an API key.
    public const string KeyHash = "key_hash";
    public const string KeyKind = "key_kind";
    public const string AccountId = "account_id";
    public const string CreatorUserId = "creator_user_id";

    /// <summary>The authentication type of every principal the platform accepts, so <c>IsAuthenticated</c> is true.</summary>
    public const string AuthenticationType = "platform";
}
