using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Identity.Tests;

public sealed class OrganizationLifecycleTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task GetMe_registers_the_user_once_with_a_personal_account()
    {
        var alice = await Server.SignInAsync("alice");

        var first = await Server.Organizations.GetMeAsync(new GetMeRequest(), alice.Call);
        var second = await Server.Organizations.GetMeAsync(new GetMeRequest(), alice.Call);

        Assert.Equal(alice.UserId, first.UserId);
        Assert.Equal(alice.Email, first.Email);
        Assert.Equal(7, Guid.Parse(first.PersonalAccountId).Version);
        Assert.Equal(first.PersonalAccountId, second.PersonalAccountId);
        Assert.Empty(first.Memberships);
    }

    [Fact]
    public async Task An_organization_is_created_renamed_read_and_listed_by_its_members()
    {
        var alice = await Server.SignInAsync("alice");

        var created = await Server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "  Acme  " }, alice.Call);
        var renamed = await Server.Organizations.RenameOrganizationAsync(
            new RenameOrganizationRequest { OrganizationId = created.OrganizationId, Name = "Acme Corp" }, alice.Call);
        var read = await Server.Organizations.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = created.OrganizationId }, alice.Call);
        var me = await Server.Organizations.GetMeAsync(new GetMeRequest(), alice.Call);

        Assert.Equal("Acme", created.Name);
        Assert.Equal(Role.Admin, created.MyRole);
        Assert.Equal(1, created.MemberCount);
        Assert.Equal(10, created.MemberLimit);
        Assert.NotEqual(created.OrganizationId, created.AccountId);
        Assert.Equal(7, Guid.Parse(created.AccountId).Version);
        Assert.Equal("Acme Corp", renamed.Name);
        Assert.Equal("Acme Corp", read.Name);
        var membership = Assert.Single(me.Memberships);
        Assert.Equal((created.OrganizationId, Role.Admin, "Acme Corp"), (membership.OrganizationId, membership.Role, membership.OrganizationName));
    }

    [Fact]
    public async Task Creating_needs_a_verified_email()
    {
        var unverified = await Server.SignInAsync("bob", emailVerified: false);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "Nope" }, unverified.Call));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var mine = await Server.Organizations.ListMyOrganizationsAsync(new ListMyOrganizationsRequest(), unverified.Call);
        Assert.Equal(0, mine.TotalCount);
    }

    [Fact]
    public async Task My_organizations_come_in_pages_with_the_total()
    {
        var carol = await Server.SignInAsync("carol");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await Server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = $"Org {i}" }, carol.Call)).OrganizationId);

        var pages = new List<ListMyOrganizationsResponse>();
        for (var offset = 0; offset < 6; offset += 2)
            pages.Add(await Server.Organizations.ListMyOrganizationsAsync(new ListMyOrganizationsRequest { Offset = offset, Limit = 2 }, carol.Call));

        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Organizations.Count));
        Assert.Equal(ids.Order(), pages.SelectMany(p => p.Organizations).Select(o => o.OrganizationId).Order());
        var all = await Server.Organizations.ListMyOrganizationsAsync(new ListMyOrganizationsRequest(), carol.Call);
        Assert.Equal(5, all.Organizations.Count);
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    [InlineData("101", "name")]
    public async Task Bad_names_are_field_errors_and_change_nothing(string name, string field)
    {
        var dave = await Server.SignInAsync("dave");
        if (name == "101") name = new string('x', 101);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = name }, dave.Call));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal([field], error.GetFieldViolations().Select(v => v.Field));
        Assert.Equal(0, (await Server.Organizations.ListMyOrganizationsAsync(new ListMyOrganizationsRequest(), dave.Call)).TotalCount);
    }

    [Fact]
    public async Task Malformed_ids_pagination_and_names_are_all_reported_at_once()
    {
        var erin = await Server.SignInAsync("erin");
        var org = await Server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "Kept" }, erin.Call);

        var rename = await Assert.ThrowsAsync<RpcException>(() => Server.Organizations.RenameOrganizationAsync(
            new RenameOrganizationRequest { OrganizationId = "not-a-uuid", Name = new string('y', 101) }, erin.Call));
        var page = await Assert.ThrowsAsync<RpcException>(() => Server.Organizations.ListMembersAsync(
            new ListMembersRequest { OrganizationId = org.OrganizationId, Offset = -1, Limit = 201 }, erin.Call));
        var badEmail = await Assert.ThrowsAsync<RpcException>(() => Server.Organizations.InviteMemberAsync(
            new InviteMemberRequest { OrganizationId = org.OrganizationId, Email = "not an email" }, erin.Call));

        Assert.Equal(["organization_id", "name"], rename.GetFieldViolations().Select(v => v.Field));
        Assert.Equal(["offset", "limit"], page.GetFieldViolations().Select(v => v.Field));
        Assert.Equal(["email"], badEmail.GetFieldViolations().Select(v => v.Field));
        var read = await Server.Organizations.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org.OrganizationId }, erin.Call);
        Assert.Equal("Kept", read.Name);
        var invitations = await Server.Organizations.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = org.OrganizationId, IncludeClosed = true }, erin.Call);
        Assert.Equal(0, invitations.TotalCount);
    }
}
