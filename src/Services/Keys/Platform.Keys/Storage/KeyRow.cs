namespace Platform.Keys.Storage;

/// <summary>A row of the <c>keys</c> read model.</summary>
public sealed class KeyRow
{
    public const string Columns = """
        hash as Hash, account_id as AccountId, kind as Kind, name as Name, label as Label, disabled as Disabled,
        disabled_reason as DisabledReason, credit_limit as "Limit", limit_reset as LimitReset, expires_at as ExpiresAt,
        created_at as CreatedAt, updated_at as UpdatedAt, creator_user_id as CreatorUserId, rotation_count as RotationCount,
        previous_secret_valid_until as PreviousSecretValidUntil, deleted as Deleted
        """;

    public string Hash { get; init; } = "";
    public Guid AccountId { get; init; }
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string Label { get; init; } = "";
    public bool Disabled { get; init; }
    public string? DisabledReason { get; init; }
    public decimal? Limit { get; init; }
    public string? LimitReset { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string CreatorUserId { get; init; } = "";
    public int RotationCount { get; init; }
    public DateTime? PreviousSecretValidUntil { get; init; }
    public bool Deleted { get; init; }
}
