using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Platform.Authentication.Callers;
using Platform.Contracts.Keys.V1;
using Platform.Domain;
using Platform.Grpc;
using Platform.Keys.Access;
using Platform.Keys.Authentication;
using Platform.Keys.Lifecycle;
using Platform.Keys.Rotation;
using Platform.Keys.Storage;

namespace Platform.Keys.Grpc;

/// <summary><c>platform.keys.v1.Keys</c>: each RPC reads the caller, then hands over to the domain classes.</summary>
[GrpcService(typeof(KeysReflection), "platform.keys.v1.Keys")]
public sealed class KeysService(KeyCommands commands, KeyRotation rotation, KeyAccess access, KeyQueries queries, KeyAuthenticator authenticator)
{
    public async Task<CreateKeyResponse> CreateKey(CreateKeyRequest request, ServerCallContext context)
    {
        var (key, secret) = await commands.CreateAsync(Caller.From(context.User), request, context.CancellationToken);
        return new CreateKeyResponse { Key = key.ToProto(), Secret = secret };
    }

    public async Task<ListKeysResponse> ListKeys(ListKeysRequest request, ServerCallContext context)
    {
        var caller = KeyAccess.RequireManager(Caller.From(context.User));
        var v = new Validation();
        var accountId = v.Uuid("account_id", request.AccountId);
        var (offset, limit) = v.Page(request.Offset, request.Limit);
        v.ThrowIfInvalid();
        var account = await access.ForAccountAsync(caller, accountId, context.CancellationToken);
        var (keys, total) = await queries.ListAsync(accountId, account.AllKeys ? null : account.UserId, request.IncludeDisabled, offset, limit,
            context.CancellationToken);
        var response = new ListKeysResponse { TotalCount = total };
        response.Keys.AddRange(keys.Select(k => k.ToProto()));
        return response;
    }

    public async Task<ApiKey> GetKey(GetKeyRequest request, ServerCallContext context)
    {
        var caller = KeyAccess.RequireManager(Caller.From(context.User));
        var v = new Validation();
        var hash = KeyValidation.KeyHash(v, request.Hash);
        v.ThrowIfInvalid();
        var (key, _) = await access.ForKeyAsync(caller, hash, context.CancellationToken);
        return key.ToProto();
    }

    public async Task<ApiKey> GetCurrentKey(GetCurrentKeyRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireAuthenticated();
        if (caller.Kind is not (CallerKind.InferenceKey or CallerKind.ManagementKey))
            throw new PermissionDeniedException("This call reads the key that is the bearer credential; call it with an API key.");
        var key = await queries.GetAsync(caller.KeyHash!, context.CancellationToken) ?? throw new UnauthenticatedException();
        return key.ToProto();
    }

    public async Task<ApiKey> UpdateKey(UpdateKeyRequest request, ServerCallContext context) =>
        (await commands.UpdateAsync(Caller.From(context.User), request, context.CancellationToken)).ToProto();

    public async Task<DeleteKeyResponse> DeleteKey(DeleteKeyRequest request, ServerCallContext context)
    {
        await commands.DeleteAsync(Caller.From(context.User), request, context.CancellationToken);
        return new DeleteKeyResponse { Deleted = true };
    }

    public async Task<RotateKeyResponse> RotateKey(RotateKeyRequest request, ServerCallContext context)
    {
        var (key, secret, validUntil) = await rotation.RotateAsync(Caller.From(context.User), request, context.CancellationToken);
        var response = new RotateKeyResponse { Key = key.ToProto(), Secret = secret };
        if (validUntil is { } until) response.PreviousSecretValidUntil = Timestamp.FromDateTimeOffset(until);
        return response;
    }

    public async Task<AuthenticateResponse> Authenticate(AuthenticateRequest request, ServerCallContext context)
    {
        Caller.From(context.User).RequireService();
        var started = Stopwatch.GetTimestamp();
        var key = await authenticator.AuthenticateAsync(request.Secret, context.CancellationToken);
        KeysTelemetry.RecordAuthenticate(started, key is not null);
        return key?.ToProto() ?? throw new UnauthenticatedException("The key is unknown, disabled, deleted, expired or retired.");
    }
}
