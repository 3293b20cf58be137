using Platform.EventStore;

namespace Platform.Keys.Lifecycle;

/// <summary>A key folded from its stream: what commands decide on.</summary>
public sealed record ApiKeyState(
    string Hash, Guid AccountId, string Kind, string Name, string CreatorUserId, bool Disabled, string? DisabledReason,
    decimal? Limit, string? LimitReset, DateTimeOffset? ExpiresAt, bool ExpiryRecorded, bool Deleted,
    int RotationCount, DateTimeOffset? PreviousSecretValidUntil) : IAggregateState<ApiKeyState>
{
    public static ApiKeyState Initial { get; } = new("", Guid.Empty, "", "", "", false, null, null, null, null, false, false, 0, null);

    /// <summary>A rotated-out secret whose grace has not been recorded as ended yet.</summary>
    public bool GraceOpen => PreviousSecretValidUntil is not null;

    public ApiKeyState Apply(object @event) => @event switch
    {
        KeyCreated e => this with
        {
            Hash = e.Hash, AccountId = e.AccountId, Kind = e.Kind, Name = e.Name, CreatorUserId = e.CreatorUserId,
            Limit = e.Limit, LimitReset = e.LimitReset, ExpiresAt = e.ExpiresAt,
        },
        KeyRenamed e => this with { Name = e.Name },
        KeyLimitChanged e => this with { Limit = e.Limit, LimitReset = e.LimitReset },
        KeyDisabled e => this with { Disabled = true, DisabledReason = e.Reason },
        KeyEnabled => this with { Disabled = false, DisabledReason = null },
        KeyRotated e => this with { RotationCount = e.Rotation, PreviousSecretValidUntil = e.PreviousSecretValidUntil },
        KeyRotationGraceEnded e when e.Rotation == RotationCount => this with { PreviousSecretValidUntil = null },
        KeyExpired => this with { ExpiryRecorded = true },
        KeyDeleted => this with { Deleted = true },
        _ => this,
    };
}
