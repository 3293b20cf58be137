using Platform.Contracts.Clients;
using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Identity.Tests;

public sealed class DevelopmentIssuerTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;
    private static CallOptions Anonymous => Credentials.Bearer(null);

    [Fact]
    public async Task The_same_email_always_gets_the_same_subject_and_the_token_signs_in()
    {
        var first = await Server.Issuer.IssueTokenAsync(new IssueTokenRequest { Email = "Zoe@Example.com", Name = "Zoe" }, Anonymous);
        var second = await Server.Issuer.IssueTokenAsync(new IssueTokenRequest { Email = "zoe@example.com", Name = "Zoe Z" }, Anonymous);
        var other = await Server.Issuer.IssueTokenAsync(new IssueTokenRequest { Email = "yann@example.com" }, Anonymous);

        Assert.Equal(first.UserId, second.UserId);
        Assert.NotEqual(first.UserId, other.UserId);
        Assert.Equal(7, Guid.Parse(first.UserId).Version);
        Assert.True(first.ExpiresAt.ToDateTimeOffset() > DateTimeOffset.UtcNow);
        var me = await Server.Organizations.GetMeAsync(new GetMeRequest(), Credentials.Bearer(second.AccessToken));
        Assert.Equal((first.UserId, "zoe@example.com", "Zoe Z"), (me.UserId, me.Email, me.Name));
        Assert.Contains(Server.Logs.Lines, line => line.Contains($"Development token issued for subject {first.UserId}"));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(first.AccessToken) || line.Contains(second.AccessToken));
    }

    [Fact]
    public async Task A_service_token_may_ask_GetAccess_and_nothing_user_only()
    {
        var service = await Server.Issuer.IssueServiceTokenAsync(new IssueServiceTokenRequest { ServiceName = "keys" }, Anonymous);
        var user = await Server.SignInAsync("owner");
        var me = await Server.Organizations.GetMeAsync(new GetMeRequest(), user.Call);

        var access = await Server.Organizations.GetAccessAsync(new GetAccessRequest { UserId = user.UserId, AccountId = me.PersonalAccountId },
            Credentials.Bearer(service.AccessToken));
        var getMe = await Assert.ThrowsAsync<RpcException>(() => Server.Organizations.GetMeAsync(new GetMeRequest(), Credentials.Bearer(service.AccessToken)));

        Assert.Equal("service:keys", service.UserId);
        Assert.Equal((Role.Admin, AccountKind.Personal), (access.Role, access.AccountKind));
        Assert.Equal(StatusCode.PermissionDenied, getMe.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_field_errors()
    {
        var token = await Assert.ThrowsAsync<RpcException>(() => Server.Issuer.IssueTokenAsync(
            new IssueTokenRequest { Email = "nope", Name = new string('n', 101), PlatformRole = "root" }, Anonymous));
        var service = await Assert.ThrowsAsync<RpcException>(() => Server.Issuer.IssueServiceTokenAsync(new IssueServiceTokenRequest { ServiceName = "Bad Name" }, Anonymous));

        Assert.Equal(["email", "name", "platform_role"], token.GetFieldViolations().Select(v => v.Field));
        Assert.Equal(["service_name"], service.GetFieldViolations().Select(v => v.Field));
    }

    [Fact]
    public async Task Without_the_setting_the_issuer_is_not_there()
    {
        await using var production = await IdentityServer.StartAsync(Server.Database, Server.Broker, developmentIssuer: false);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new DevelopmentIssuerClient(production.Channel).IssueTokenAsync(new IssueTokenRequest { Email = "a@example.com" }, Anonymous));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        var admin = await Server.SignInAsync("admin"); // the enabled instance's key differs; tokens are minted by the test here
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() =>
            production.Organizations.GetMeAsync(new GetMeRequest(), admin.Call))).StatusCode);
    }
}
