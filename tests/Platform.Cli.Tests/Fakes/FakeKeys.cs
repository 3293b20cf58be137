using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Keys.V1;
using Platform.Domain;
using Platform.Grpc;

namespace Platform.Cli.Tests.Fakes;

/// <summary>A Keys service answering from fixed data, so output and errors can be checked without the real one.</summary>
[GrpcService(typeof(KeysReflection), "platform.keys.v1.Keys")]
public sealed class FakeKeys(FakeState state)
{
    public static ApiKey Key => new()
    {
        Hash = FakeState.KeyHash, Name = "ci", Label = "sk-plt-v1-abc...f9e", Kind = KeyKind.Inference, Limit = "12.5", LimitReset = "monthly",
        AccountId = FakeState.AccountId, CreatorUserId = FakeState.UserId, CreatedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-11-01T00:00:00Z")),
    };

    public Task<CreateKeyResponse> CreateKey(CreateKeyRequest request, ServerCallContext context) =>
        Answer(request, context, new CreateKeyResponse { Key = Key, Secret = FakeState.Secret });

    public Task<ListKeysResponse> ListKeys(ListKeysRequest request, ServerCallContext context) =>
        Answer(request, context, new ListKeysResponse { Keys = { Key, Key }, TotalCount = 2 });

    public Task<ApiKey> GetKey(GetKeyRequest request, ServerCallContext context) =>
        request.Hash == FakeState.KeyHash ? Answer(request, context, Key) : throw new RpcException(StatusCode.NotFound, "Key not found.");

    public Task<ApiKey> UpdateKey(UpdateKeyRequest request, ServerCallContext context) =>
        request.HasName && request.Name == ""
            ? throw RpcStatusDetails.Create(StatusCode.InvalidArgument, "The request is invalid.", [new FieldViolation("name", "must not be empty")])
            : Answer(request, context, Key);

    public Task<RotateKeyResponse> RotateKey(RotateKeyRequest request, ServerCallContext context) =>
        Answer(request, context, new RotateKeyResponse { Key = Key, Secret = FakeState.Secret });

    public Task<DeleteKeyResponse> DeleteKey(DeleteKeyRequest request, ServerCallContext context) =>
        Answer(request, context, new DeleteKeyResponse { Deleted = true });

    public Task<ApiKey> GetCurrentKey(GetCurrentKeyRequest request, ServerCallContext context) => throw Unused;

    public Task<AuthenticateResponse> Authenticate(AuthenticateRequest request, ServerCallContext context) => throw Unused;

    internal static RpcException Unused => new(StatusCode.Unimplemented, "Not in the fake.");

    private Task<T> Answer<T>(Google.Protobuf.IMessage request, ServerCallContext context, T response)
    {
        var credential = context.User?.FindFirst("sub")?.Value;
        state.Credentials.Enqueue(credential);
        state.Requests.Enqueue(request);
        if (credential is null) throw new RpcException(StatusCode.Unauthenticated, "No credential.");
        return Task.FromResult(response);
    }
}
