// STAND-IN: deleted when the real client reaches main (see docs/cli.md). Do not merge.
using Platform.Contracts.Keys.V1;
using Platform.Grpc;

namespace Platform.Contracts.Clients;

internal sealed class KeysClient(GrpcChannel channel)
{
    private readonly GrpcClient _client = new(channel, KeysReflection.Descriptor, "platform.keys.v1.Keys");

    public Task<CreateKeyResponse> CreateKeyAsync(CreateKeyRequest request, CallOptions options = default) =>
        _client.Unary<CreateKeyRequest, CreateKeyResponse>("CreateKey").InvokeAsync(request, options);

    public Task<ListKeysResponse> ListKeysAsync(ListKeysRequest request, CallOptions options = default) =>
        _client.Unary<ListKeysRequest, ListKeysResponse>("ListKeys").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ApiKey> GetKeyAsync(GetKeyRequest request, CallOptions options = default) =>
        _client.Unary<GetKeyRequest, ApiKey>("GetKey").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ApiKey> UpdateKeyAsync(UpdateKeyRequest request, CallOptions options = default) =>
        _client.Unary<UpdateKeyRequest, ApiKey>("UpdateKey").InvokeAsync(request, options);

    public Task<DeleteKeyResponse> DeleteKeyAsync(DeleteKeyRequest request, CallOptions options = default) =>
        _client.Unary<DeleteKeyRequest, DeleteKeyResponse>("DeleteKey").InvokeAsync(request, options);

    public Task<RotateKeyResponse> RotateKeyAsync(RotateKeyRequest request, CallOptions options = default) =>
        _client.Unary<RotateKeyRequest, RotateKeyResponse>("RotateKey").InvokeAsync(request, options);
}
