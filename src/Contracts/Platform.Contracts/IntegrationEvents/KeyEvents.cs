namespace Platform.Contracts.IntegrationEvents;

// Facts the Keys service publishes about each key's life. KeyHash is the key's stable public id; no event
// ever carries a secret or a secret's hash. Caches of Authenticate results drop a key on any of these.

public sealed record KeyCreated(string KeyHash, Guid AccountId, string Kind, string CreatorUserId, string ActorId, DateTimeOffset OccurredAt);

public sealed record KeyRenamed(string KeyHash, Guid AccountId, string Name, string ActorId, DateTimeOffset OccurredAt);

/// <summary>Limit in USD (null: none) and its reset interval ("daily", "weekly", "monthly", or null).</summary>
public sealed record KeyLimitChanged(string KeyHash, Guid AccountId, decimal? Limit, string? LimitReset, string ActorId, DateTimeOffset OccurredAt);

public sealed record KeyDisabled(string KeyHash, Guid AccountId, string Reason, string ActorId, DateTimeOffset OccurredAt);

public sealed record KeyEnabled(string KeyHash, Guid AccountId, string ActorId, DateTimeOffset OccurredAt);

public sealed record KeyRotated(string KeyHash, Guid AccountId, DateTimeOffset? PreviousSecretValidUntil, string ActorId, DateTimeOffset OccurredAt);

public sealed record KeyRotationGraceEnded(string KeyHash, Guid AccountId, DateTimeOffset OccurredAt);

public sealed record KeyExpired(string KeyHash, Guid AccountId, DateTimeOffset ExpiredAt, DateTimeOffset OccurredAt);

public sealed record KeyDeleted(string KeyHash, Guid AccountId, string ActorId, DateTimeOffset OccurredAt);
