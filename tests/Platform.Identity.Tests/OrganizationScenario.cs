using Platform.Contracts.Identity.V1;

namespace Platform.Identity.Tests;

/// <summary>An organization with an admin and members who joined through invitations.</summary>
public sealed record OrganizationScenario(Organization Org, TestUser Admin, IReadOnlyList<TestUser> Members)
{
    public static async Task<OrganizationScenario> CreateAsync(IdentityServer server, int members = 1, string name = "Acme")
    {
        var admin = await server.SignInAsync("admin");
        var org = await server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = name }, admin.Call);
        var joined = new List<TestUser>();
        for (var i = 0; i < members; i++)
        {
            var member = await server.SignInAsync($"member{i}");
            var invited = await server.Organizations.InviteMemberAsync(
                new InviteMemberRequest { OrganizationId = org.OrganizationId, Email = member.Email }, admin.Call);
            await server.Organizations.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, member.Call);
            joined.Add(member);
        }
        return new OrganizationScenario(org, admin, joined);
    }
}
