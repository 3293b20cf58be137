using Platform.Contracts.Clients;
using Platform.Contracts.Identity.V1;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;

namespace Platform.Keys.Tests.Hosting;

/// <summary>A signed-in person: <see cref="Call"/> carries a fresh token of theirs.</summary>
public sealed record TestUser(string UserId, string Email, string PersonalAccountId, Func<string> Token)
{
    public CallOptions Call => Credentials.Bearer(Token());
}

/// <summary>An organization with an admin (its creator) and a member who accepted an invitation.</summary>
public sealed record TestOrganization(string OrganizationId, string AccountId, TestUser Admin, TestUser Member);

public static class People
{
    /// <summary>Signs in a new person through Identity's development issuer (a fresh email, so tests never share users).</summary>
    public static async Task<TestUser> SignInAsync(this KeysEnvironment env, string name = "user", string? platformRole = null)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        var issued = await new DevelopmentIssuerClient(env.Identity.Channel).IssueTokenAsync(
            new IssueTokenRequest { Email = email, Name = name, PlatformRole = platformRole ?? "" }, Credentials.Bearer(null));
        string Token() => env.Tokens.IssueUserToken(issued.UserId, email, name, true, platformRole).AccessToken;
        var me = await env.Organizations.GetMeAsync(new GetMeRequest(), Credentials.Bearer(Token()));
        return new TestUser(issued.UserId, email, me.PersonalAccountId, Token);
    }

    public static async Task<TestOrganization> CreateOrganizationAsync(this KeysEnvironment env, string name = "Acme")
    {
        var admin = await env.SignInAsync("admin");
        var member = await env.SignInAsync("member");
        var organization = await env.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = name }, admin.Call);
        var invitation = await env.Organizations.InviteMemberAsync(new InviteMemberRequest
        {
            OrganizationId = organization.OrganizationId, Email = member.Email, Role = Role.Member,
        }, admin.Call);
        await env.Organizations.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invitation.Token }, member.Call);
        return new TestOrganization(organization.OrganizationId, organization.AccountId, admin, member);
    }

    public static Task<CreateKeyResponse> CreateKeyAsync(this KeysClient keys, CallOptions caller, string accountId, string name = "ci",
        KeyKind kind = KeyKind.Inference) =>
        keys.CreateKeyAsync(new CreateKeyRequest { AccountId = accountId, Name = name, Kind = kind }, caller);

    /// <summary>The status a call ends with (OK when it succeeds).</summary>
    public static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
