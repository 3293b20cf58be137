using Platform.Contracts.Clients;
using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Identity.Tests;

public sealed class MemberTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;
    private OrganizationsClient Orgs => Server.Organizations;

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_removed_nor_leave()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 1);
        var org = s.Org.OrganizationId;

        var demote = await Assert.ThrowsAsync<RpcException>(() => Orgs.ChangeMemberRoleAsync(
            new ChangeMemberRoleRequest { OrganizationId = org, UserId = s.Admin.UserId, Role = Role.Member }, s.Admin.Call));
        var remove = await Assert.ThrowsAsync<RpcException>(() => Orgs.RemoveMemberAsync(
            new RemoveMemberRequest { OrganizationId = org, UserId = s.Admin.UserId }, s.Admin.Call));
        var leave = await Assert.ThrowsAsync<RpcException>(() => Orgs.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org }, s.Admin.Call));

        Assert.All([demote, remove, leave], e => Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode));
        Assert.Contains("last admin", leave.Status.Detail);

        // With a second admin, the first may step down and then leave.
        var promoted = await Orgs.ChangeMemberRoleAsync(new ChangeMemberRoleRequest { OrganizationId = org, UserId = s.Members[0].UserId, Role = Role.Admin }, s.Admin.Call);
        Assert.Equal(Role.Admin, promoted.Role);
        var demoted = await Orgs.ChangeMemberRoleAsync(new ChangeMemberRoleRequest { OrganizationId = org, UserId = s.Admin.UserId, Role = Role.Member }, s.Admin.Call);
        Assert.Equal(Role.Member, demoted.Role);
        await Orgs.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org }, s.Admin.Call);
        var members = await Orgs.ListMembersAsync(new ListMembersRequest { OrganizationId = org }, s.Members[0].Call);
        Assert.Equal([(s.Members[0].UserId, Role.Admin)], members.Members.Select(m => (m.UserId, m.Role)));
        var gone = await Assert.ThrowsAsync<RpcException>(() => Orgs.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org }, s.Admin.Call));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task An_admin_removes_a_member_who_then_sees_nothing()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 2);
        var org = s.Org.OrganizationId;

        await Orgs.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = org, UserId = s.Members[0].UserId }, s.Admin.Call);

        var read = await Assert.ThrowsAsync<RpcException>(() => Orgs.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org }, s.Members[0].Call));
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        var again = await Assert.ThrowsAsync<RpcException>(() => Orgs.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = org, UserId = s.Members[0].UserId }, s.Admin.Call));
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        var byMember = await Assert.ThrowsAsync<RpcException>(() => Orgs.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = org, UserId = s.Admin.UserId }, s.Members[1].Call));
        Assert.Equal(StatusCode.PermissionDenied, byMember.StatusCode);
        var organization = await Orgs.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org }, s.Members[1].Call);
        Assert.Equal((2, Role.Member), (organization.MemberCount, organization.MyRole));
        await Orgs.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org }, s.Members[1].Call);
        Assert.Equal(0, (await Orgs.ListMyOrganizationsAsync(new ListMyOrganizationsRequest(), s.Members[1].Call)).TotalCount);
    }

    [Fact]
    public async Task Members_are_listed_in_pages_and_a_user_belongs_to_many_organizations()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 4);
        var other = await Orgs.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "Other" }, s.Members[0].Call);

        var pages = new List<ListMembersResponse>();
        for (var offset = 0; offset < 5; offset += 2)
            pages.Add(await Orgs.ListMembersAsync(new ListMembersRequest { OrganizationId = s.Org.OrganizationId, Offset = offset, Limit = 2 }, s.Members[3].Call));

        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Members.Count));
        Assert.Equal(new[] { s.Admin }.Concat(s.Members).Select(u => u.UserId).Order(),
            pages.SelectMany(p => p.Members).Select(m => m.UserId).Order());
        Assert.Equal(s.Admin.UserId, pages[0].Members[0].UserId); // joined first
        var mine = await Orgs.ListMyOrganizationsAsync(new ListMyOrganizationsRequest(), s.Members[0].Call);
        Assert.Equal([(s.Org.OrganizationId, Role.Member), (other.OrganizationId, Role.Admin)],
            mine.Organizations.Select(o => (o.OrganizationId, o.MyRole)).OrderBy(o => o.Item1));
    }

    [Fact]
    public async Task GetAccess_answers_admin_member_or_nothing_and_follows_membership_changes_at_once()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 1);
        var stranger = await Server.SignInAsync("stranger");
        var me = await Orgs.GetMeAsync(new GetMeRequest(), s.Members[0].Call);
        Task<GetAccessResponse> Access(TestUser user, string account) =>
            Orgs.GetAccessAsync(new GetAccessRequest { UserId = user.UserId, AccountId = account }, Server.AsService());

        var admin = await Access(s.Admin, s.Org.AccountId);
        var member = await Access(s.Members[0], s.Org.AccountId);
        var nothing = await Access(stranger, s.Org.AccountId);
        var personal = await Access(s.Members[0], me.PersonalAccountId);
        var othersPersonal = await Access(s.Admin, me.PersonalAccountId);
        var unknown = await Access(s.Admin, Guid.CreateVersion7().ToString());
        var self = await Orgs.GetAccessAsync(new GetAccessRequest { UserId = s.Members[0].UserId, AccountId = s.Org.AccountId }, s.Members[0].Call);

        Assert.Equal((Role.Admin, AccountKind.Organization, s.Org.OrganizationId), (admin.Role, admin.AccountKind, admin.OrganizationId));
        Assert.Equal((Role.Member, AccountKind.Organization), (member.Role, member.AccountKind));
        Assert.Equal(new GetAccessResponse(), nothing);
        Assert.Equal((Role.Admin, AccountKind.Personal, ""), (personal.Role, personal.AccountKind, personal.OrganizationId));
        Assert.Equal(new GetAccessResponse(), othersPersonal);
        Assert.Equal(new GetAccessResponse(), unknown);
        Assert.Equal(Role.Member, self.Role);

        // Cached answers are dropped on this instance the moment membership changes.
        await Orgs.ChangeMemberRoleAsync(new ChangeMemberRoleRequest { OrganizationId = s.Org.OrganizationId, UserId = s.Members[0].UserId, Role = Role.Admin }, s.Admin.Call);
        Assert.Equal(Role.Admin, (await Access(s.Members[0], s.Org.AccountId)).Role);
        await Orgs.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = s.Org.OrganizationId, UserId = s.Members[0].UserId }, s.Admin.Call);
        Assert.Equal(Role.Unspecified, (await Access(s.Members[0], s.Org.AccountId)).Role);
    }
}
