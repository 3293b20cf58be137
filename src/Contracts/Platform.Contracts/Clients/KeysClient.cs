using Platform.Contracts.Keys.V1;
using Platform.Grpc;

namespace Platform.Contracts.Clients;

/// <summary>A typed client of <c>platform.keys.v1.Keys</c>; building it checks every method against the proto.</summary>
public sealed class KeysClient
{
    private readonly UnaryMethod<CreateKeyRequest, CreateKeyResponse> _createKey;
    private readonly UnaryMethod<ListKeysRequest, ListKeysResponse> _listKeys;
    private readonly UnaryMethod<GetKeyRequest, ApiKey> _getKey;
    private readonly UnaryMethod<GetCurrentKeyRequest, ApiKey> _getCurrentKey;
    private readonly UnaryMethod<UpdateKeyRequest, ApiKey> _updateKey;
    private readonly UnaryMethod<DeleteKeyRequest, DeleteKeyResponse> _deleteKey;
    private readonly UnaryMethod<RotateKeyRequest, RotateKeyResponse> _rotateKey;
    private readonly UnaryMethod<AuthenticateRequest, AuthenticateResponse> _authenticate;

    public KeysClient(GrpcChannel channel)
    {
        var client = new GrpcClient(channel, KeysReflection.Descriptor, "platform.keys.v1.Keys");
        _createKey = client.Unary<CreateKeyRequest, CreateKeyResponse>("CreateKey");
        _listKeys = client.Unary<ListKeysRequest, ListKeysResponse>("ListKeys");
        _getKey = client.Unary<GetKeyRequest, ApiKey>("GetKey");
        _getCurrentKey = client.Unary<GetCurrentKeyRequest, ApiKey>("GetCurrentKey");
        _updateKey = client.Unary<UpdateKeyRequest, ApiKey>("UpdateKey");
        _deleteKey = client.Unary<DeleteKeyRequest, DeleteKeyResponse>("DeleteKey");
        _rotateKey = client.Unary<RotateKeyRequest, RotateKeyResponse>("RotateKey");
        _authenticate = client.Unary<AuthenticateRequest, AuthenticateResponse>("Authenticate");
    }

    public Task<CreateKeyResponse> CreateKeyAsync(CreateKeyRequest request, CallOptions options = default) => _createKey.InvokeAsync(request, options);

    public Task<ListKeysResponse> ListKeysAsync(ListKeysRequest request, CallOptions options = default) =>
        _listKeys.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ApiKey> GetKeyAsync(GetKeyRequest request, CallOptions options = default) =>
        _getKey.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ApiKey> GetCurrentKeyAsync(GetCurrentKeyRequest request, CallOptions options = default) =>
        _getCurrentKey.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ApiKey> UpdateKeyAsync(UpdateKeyRequest request, CallOptions options = default) => _updateKey.InvokeAsync(request, options);

    public Task<DeleteKeyResponse> DeleteKeyAsync(DeleteKeyRequest request, CallOptions options = default) => _deleteKey.InvokeAsync(request, options);

    public Task<RotateKeyResponse> RotateKeyAsync(RotateKeyRequest request, CallOptions options = default) => _rotateKey.InvokeAsync(request, options);

    /// <summary>Read-only on the server, so it is retried on another address when one is unavailable.</summary>
    public Task<AuthenticateResponse> AuthenticateAsync(AuthenticateRequest request, CallOptions options = default) =>
        _authenticate.InvokeAsync(request, options with { IsIdempotent = true });
}
