using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Contracts.Clients;

/// <summary>A typed client of <c>platform.identity.v1.DevelopmentIssuer</c> (present only where Identity enables it).</summary>
public sealed class DevelopmentIssuerClient
{
    private readonly UnaryMethod<IssueTokenRequest, IssueTokenResponse> _issueToken;
    private readonly UnaryMethod<IssueServiceTokenRequest, IssueTokenResponse> _issueServiceToken;

    public DevelopmentIssuerClient(GrpcChannel channel)
    {
        var client = new GrpcClient(channel, DevelopmentIssuerReflection.Descriptor, "platform.identity.v1.DevelopmentIssuer");
        _issueToken = client.Unary<IssueTokenRequest, IssueTokenResponse>("IssueToken");
        _issueServiceToken = client.Unary<IssueServiceTokenRequest, IssueTokenResponse>("IssueServiceToken");
    }

    // Issuing again only mints another token for the same subject: safe to retry.
    public Task<IssueTokenResponse> IssueTokenAsync(IssueTokenRequest request, CallOptions options = default) =>
        _issueToken.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<IssueTokenResponse> IssueServiceTokenAsync(IssueServiceTokenRequest request, CallOptions options = default) =>
        _issueServiceToken.InvokeAsync(request, options with { IsIdempotent = true });
}
