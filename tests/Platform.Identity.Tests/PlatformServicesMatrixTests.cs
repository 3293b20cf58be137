using Platform.Audit.V1;
using Platform.Contracts.Identity.V1;
using Platform.EventStore.Audit;
using Platform.Grpc;

namespace Platform.Identity.Tests;

/// <summary>The other services Identity hosts: Audit (auditors and support only) and the development issuer (open when enabled).</summary>
public sealed class PlatformServicesMatrixTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Theory]
    [InlineData("Auditor", StatusCode.OK, StatusCode.OK)]
    [InlineData("Support", StatusCode.OK, StatusCode.OK)]
    [InlineData("Admin", StatusCode.PermissionDenied, StatusCode.OK)]
    [InlineData("Service", StatusCode.PermissionDenied, StatusCode.OK)]
    [InlineData("None", StatusCode.Unauthenticated, StatusCode.OK)]
    [InlineData("Garbage", StatusCode.Unauthenticated, StatusCode.Unauthenticated)]
    [InlineData("ApiKey", StatusCode.Unauthenticated, StatusCode.Unauthenticated)]
    public async Task Audit_and_the_development_issuer_as_each_caller(string caller, StatusCode audit, StatusCode issuer)
    {
        var server = fixture.Server;
        var s = await OrganizationScenario.CreateAsync(server, members: 0);
        var options = caller switch
        {
            "Auditor" => (await server.SignInAsync("auditor", platformRole: "auditor")).Call,
            "Support" => (await server.SignInAsync("support", platformRole: "support")).Call,
            "Admin" => s.Admin.Call,
            "Service" => server.AsService(),
            "None" => Credentials.Bearer(null),
            "Garbage" => Credentials.Bearer("not-a-token"),
            "ApiKey" => Credentials.Bearer("sk-plt-v1-" + new string('a', 64)), // Identity does not know API keys
            _ => throw new ArgumentException(caller),
        };

        Assert.Equal(audit, await StatusOf(new AuditClient(server.Channel).VerifyStreamAsync(
            new VerifyStreamRequest { StreamId = $"organization-{s.Org.OrganizationId}" }, options)));
        Assert.Equal(issuer, await StatusOf(server.Issuer.IssueTokenAsync(new IssueTokenRequest { Email = "someone@example.com" }, options)));
    }

    private static async Task<StatusCode> StatusOf(Task call)
    {
        try { await call; return StatusCode.OK; }
        catch (RpcException e) { return e.StatusCode; }
    }
}
