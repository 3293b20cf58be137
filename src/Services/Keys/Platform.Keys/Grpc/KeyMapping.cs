using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Keys.V1;
using Platform.Keys.Authentication;
using Platform.Keys.Lifecycle;
using Platform.Keys.Storage;

namespace Platform.Keys.Grpc;

/// <summary>Read model rows and snapshots to proto messages. Amounts are decimal strings without trailing zeros.</summary>
public static class KeyMapping
{
    public static ApiKey ToProto(this KeyRow row)
    {
        var key = new ApiKey
        {
            Hash = row.Hash,
            Name = row.Name,
            Label = row.Label,
            Kind = KeyKinds.ToProto(row.Kind),
            Disabled = row.Disabled,
            DisabledReason = row.DisabledReason ?? "",
            LimitReset = row.LimitReset ?? "",
            CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
            UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc)),
            CreatorUserId = row.CreatorUserId,
            AccountId = row.AccountId.ToString(),
            RotationCount = row.RotationCount,
        };
        if (row.Limit is { } limit) key.Limit = Amount(limit);
        if (row.ExpiresAt is { } expires) key.ExpiresAt = Timestamp.FromDateTime(DateTime.SpecifyKind(expires, DateTimeKind.Utc));
        if (row.PreviousSecretValidUntil is { } until) key.PreviousSecretValidUntil = Timestamp.FromDateTime(DateTime.SpecifyKind(until, DateTimeKind.Utc));
        return key;
    }

    public static AuthenticateResponse ToProto(this KeySnapshot snapshot)
    {
        var response = new AuthenticateResponse
        {
            KeyHash = snapshot.KeyHash,
            Kind = KeyKinds.ToProto(snapshot.Kind),
            AccountId = snapshot.AccountId.ToString(),
            CreatorUserId = snapshot.CreatorUserId,
            LimitReset = snapshot.LimitReset ?? "",
            PreviousSecret = snapshot.IsPreviousSecret,
        };
        if (snapshot.Limit is { } limit) response.Limit = Amount(limit);
        if (snapshot.ExpiresAt is { } expires) response.ExpiresAt = Timestamp.FromDateTimeOffset(expires);
        return response;
    }

    public static string Amount(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
