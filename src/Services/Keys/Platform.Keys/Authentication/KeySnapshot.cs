namespace Platform.Keys.Authentication;

/// <summary>
/// What Authenticate needs about one secret, as cached: the key's state plus this secret's own validity. Time-based
/// rules (expiry, the end of a grace period) are checked against the clock on every call, never cached.
/// </summary>
public sealed record KeySnapshot(
    byte[] SecretHash, string KeyHash, string Kind, Guid AccountId, string CreatorUserId, decimal? Limit, string? LimitReset,
    DateTimeOffset? ExpiresAt, bool Disabled, bool Deleted, DateTimeOffset? SecretValidUntil)
{
    /// <summary>A rotated-out secret (it has an end), as opposed to the key's current one.</summary>
    public bool IsPreviousSecret => SecretValidUntil is not null;

    public bool IsUsableAt(DateTimeOffset now) =>
        !Disabled && !Deleted && (ExpiresAt is not { } expires || now < expires) && (SecretValidUntil is not { } until || now < until);
}
