// STAND-IN: deleted when the real client reaches main (see docs/cli.md). Do not merge.
using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Contracts.Clients;

internal sealed class DevelopmentIssuerClient(GrpcChannel channel)
{
    private readonly GrpcClient _client = new(channel, DevelopmentIssuerReflection.Descriptor, "platform.identity.v1.DevelopmentIssuer");

    public Task<IssueTokenResponse> IssueTokenAsync(IssueTokenRequest request, CallOptions options = default) =>
        _client.Unary<IssueTokenRequest, IssueTokenResponse>("IssueToken").InvokeAsync(request, options with { IsIdempotent = true });
}
