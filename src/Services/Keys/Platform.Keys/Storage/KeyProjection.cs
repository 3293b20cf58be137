using Platform.EventStore;
using Platform.Keys.Lifecycle;

namespace Platform.Keys.Storage;

/// <summary>The <c>keys</c> read model, updated in the transaction of every append to a key's stream.</summary>
public sealed class KeyProjection : Projection
{
    public KeyProjection() : base("keys", "keys")
    {
        On<KeyCreated>((e, c) => c.ExecuteAsync("""
            insert into keys (hash, account_id, kind, name, label, disabled, disabled_reason, credit_limit, limit_reset, expires_at,
                              created_at, updated_at, creator_user_id, rotation_count, previous_secret_valid_until, expiry_recorded, deleted)
            values (@hash, @account, @kind, @name, @label, false, null, @limit, @reset, @expires, @at, @at, @creator, 0, null, false, false)
            """,
            ("hash", e.Hash), ("account", e.AccountId), ("kind", e.Kind), ("name", e.Name), ("label", e.Label), ("limit", e.Limit),
            ("reset", e.LimitReset), ("expires", e.ExpiresAt), ("at", c.Event.Recorded), ("creator", e.CreatorUserId)));
        On<KeyRenamed>((e, c) => Update(c, e.Hash, "name = @name", ("name", e.Name)));
        On<KeyLimitChanged>((e, c) => Update(c, e.Hash, "credit_limit = @limit, limit_reset = @reset", ("limit", e.Limit), ("reset", e.LimitReset)));
        On<KeyDisabled>((e, c) => Update(c, e.Hash, "disabled = true, disabled_reason = @reason", ("reason", e.Reason)));
        On<KeyEnabled>((e, c) => Update(c, e.Hash, "disabled = false, disabled_reason = null"));
        On<KeyRotated>((e, c) => Update(c, e.Hash, "label = @label, rotation_count = @rotation, previous_secret_valid_until = @until",
            ("label", e.Label), ("rotation", e.Rotation), ("until", e.PreviousSecretValidUntil)));
        On<KeyRotationGraceEnded>((e, c) => Update(c, e.Hash,
            "previous_secret_valid_until = case when rotation_count = @rotation then null else previous_secret_valid_until end", ("rotation", e.Rotation)));
        On<KeyExpired>((e, c) => Update(c, e.Hash, "expiry_recorded = true"));
        On<KeyDeleted>((e, c) => Update(c, e.Hash, "deleted = true"));
    }

    private static Task<int> Update(ProjectionContext c, string hash, string set, params (string, object?)[] values) =>
        c.ExecuteAsync($"update keys set {set}, updated_at = greatest(updated_at, @at) where hash = @hash",
            [("hash", hash), ("at", c.Event.Recorded), .. values]);
}
