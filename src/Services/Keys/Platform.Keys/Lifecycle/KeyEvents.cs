using Platform.EventStore;

namespace Platform.Keys.Lifecycle;

// The key's own stream ("key-<hash>"): every change with its actor in the metadata. No event carries a secret or
// a secret's hash; the label is the public rendering shown in listings. Names are stored and hashed: never rename them.

[EventType("keys.key-created")]
public sealed record KeyCreated(string Hash, Guid AccountId, string Kind, string Name, string Label, decimal? Limit,
    string? LimitReset, DateTimeOffset? ExpiresAt, string CreatorUserId);

[EventType("keys.key-renamed")]
public sealed record KeyRenamed(string Hash, Guid AccountId, string Name);

[EventType("keys.key-limit-changed")]
public sealed record KeyLimitChanged(string Hash, Guid AccountId, decimal? Limit, string? LimitReset);

[EventType("keys.key-disabled")]
public sealed record KeyDisabled(string Hash, Guid AccountId, string Reason);

[EventType("keys.key-enabled")]
public sealed record KeyEnabled(string Hash, Guid AccountId);

/// <summary>A new secret; the previous one works until <paramref name="PreviousSecretValidUntil"/> (null: retired at once).</summary>
[EventType("keys.key-rotated")]
public sealed record KeyRotated(string Hash, Guid AccountId, int Rotation, string Label, DateTimeOffset? PreviousSecretValidUntil);

/// <summary>The rotated-out secret of rotation <paramref name="Rotation"/> stopped working at <paramref name="EndedAt"/>.</summary>
[EventType("keys.key-rotation-grace-ended")]
public sealed record KeyRotationGraceEnded(string Hash, Guid AccountId, int Rotation, DateTimeOffset EndedAt);

[EventType("keys.key-expired")]
public sealed record KeyExpired(string Hash, Guid AccountId, DateTimeOffset ExpiredAt);

[EventType("keys.key-deleted")]
public sealed record KeyDeleted(string Hash, Guid AccountId);
