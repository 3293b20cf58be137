using Platform.Contracts.Clients;
using Platform.Contracts.Identity.V1;
using Platform.EventStore.Audit;
using Platform.Grpc;

namespace Platform.EndToEnd.Tests;

/// <summary>Typed clients of the running platform, and call options that present a given bearer credential.</summary>
public sealed class Session(PlatformUnderAppHost platform) : IDisposable
{
    private readonly GrpcChannel _identity = GrpcChannel.ForAddress(platform.IdentityGrpc);
    private readonly GrpcChannel _keys = GrpcChannel.ForAddress(platform.KeysGrpc);

    public OrganizationsClient Organizations => new(_identity);
    public DevelopmentIssuerClient Issuer => new(_identity);
    public KeysClient Keys => new(_keys);
    public AuditClient KeysAudit => new(_keys);

    public static CallOptions As(string credential) => new()
    {
        CancellationToken = TestContext.Current.CancellationToken,
        Credentials = _ => ValueTask.FromResult(credential),
    };

    /// <summary>A user token from the development issuer (the same email always gets the same user id).</summary>
    public async Task<(string Token, string UserId)> SignInAsync(string email, string name, string platformRole = "")
    {
        var issued = await Issuer.IssueTokenAsync(new IssueTokenRequest { Email = email, Name = name, PlatformRole = platformRole },
            new CallOptions { CancellationToken = TestContext.Current.CancellationToken });
        return (issued.AccessToken, issued.UserId);
    }

    public async Task<string> ServiceTokenAsync(string service) =>
        (await Issuer.IssueServiceTokenAsync(new IssueServiceTokenRequest { ServiceName = service },
            new CallOptions { CancellationToken = TestContext.Current.CancellationToken })).AccessToken;

    public void Dispose()
    {
        _identity.Dispose();
        _keys.Dispose();
    }
}
