using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Identity.Tests;

public sealed class ConcurrencyTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task Two_invitees_racing_for_the_last_seat_one_joins_and_the_other_is_told_the_limit()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 0);
        var org = s.Org.OrganizationId;
        var support = await Server.SignInAsync("support", platformRole: "support");
        await Server.Organizations.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org, MemberLimit = 3 }, support.Call);
        var invitees = new[] { await Server.SignInAsync("one"), await Server.SignInAsync("two") };
        var tokens = new List<string>();
        foreach (var invitee in invitees)
            tokens.Add((await Server.Organizations.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org, Email = invitee.Email }, s.Admin.Call)).Token);
        await Server.Organizations.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org, MemberLimit = 2 }, support.Call);

        var outcomes = await Task.WhenAll(invitees.Select(async (invitee, i) =>
        {
            try
            {
                await Server.Organizations.AcceptInvitationAsync(new AcceptInvitationRequest { Token = tokens[i] }, invitee.Call);
                return "joined";
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { return e.Status.Detail; }
        }));

        Assert.Equal(["The organization has reached its member limit of 2.", "joined"], outcomes.Order());
        var members = await Server.Organizations.ListMembersAsync(new ListMembersRequest { OrganizationId = org }, s.Admin.Call);
        Assert.Equal(2, members.TotalCount);
        Assert.Equal(2, (await Server.Organizations.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org }, s.Admin.Call)).MemberCount);
    }

    [Fact]
    public async Task Inviting_a_member_or_someone_already_invited_is_refused()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 1);
        var org = s.Org.OrganizationId;
        await Server.Organizations.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org, Email = "pending@example.com" }, s.Admin.Call);

        var member = await Assert.ThrowsAsync<RpcException>(() =>
            Server.Organizations.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org, Email = s.Members[0].Email }, s.Admin.Call));
        var twice = await Assert.ThrowsAsync<RpcException>(() =>
            Server.Organizations.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org, Email = "Pending@Example.com" }, s.Admin.Call));

        Assert.Equal(StatusCode.AlreadyExists, member.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
    }
}
