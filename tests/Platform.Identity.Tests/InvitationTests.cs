using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Identity.Tests;

public sealed class InvitationTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;
    private Platform.Contracts.Clients.OrganizationsClient Orgs => Server.Organizations;

    private async Task<(TestUser Admin, Organization Org)> OrganizationAsync()
    {
        var admin = await Server.SignInAsync("admin");
        return (admin, await Orgs.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "Acme" }, admin.Call));
    }

    private Task<InviteMemberResponse> InviteAsync(TestUser admin, Organization org, string email, Role role = Role.Unspecified) =>
        Orgs.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org.OrganizationId, Email = email, Role = role }, admin.Call);

    [Fact]
    public async Task An_invitee_accepts_once_with_the_token_and_becomes_a_member()
    {
        var (admin, org) = await OrganizationAsync();
        var bob = await Server.SignInAsync("bob");

        var invited = await InviteAsync(admin, org, bob.Email.ToUpperInvariant());
        var membership = await Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, bob.Call);
        var again = await Assert.ThrowsAsync<RpcException>(() => Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, bob.Call));

        Assert.Equal(InvitationState.Pending, invited.Invitation.State);
        Assert.Equal(Role.Member, invited.Invitation.Role);
        Assert.Equal(43, invited.Token.Length); // 32 bytes, base64url without padding
        Assert.Equal((org.OrganizationId, bob.UserId, Role.Member, bob.Email), (membership.OrganizationId, membership.UserId, membership.Role, membership.Email));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var list = await Orgs.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = org.OrganizationId, IncludeClosed = true }, admin.Call);
        Assert.Equal(InvitationState.Accepted, Assert.Single(list.Invitations).State);
        Assert.Equal(0, (await Orgs.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = org.OrganizationId }, admin.Call)).TotalCount);
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(invited.Token));
    }

    [Fact]
    public async Task Another_email_or_an_unverified_one_cannot_accept()
    {
        var (admin, org) = await OrganizationAsync();
        var invited = await InviteAsync(admin, org, "carol@example.com");
        var mallory = await Server.SignInAsync("mallory");
        var unverifiedCarol = await Server.SignInAsync("carol", emailVerified: false, email: "carol@example.com");

        var wrong = await Assert.ThrowsAsync<RpcException>(() => Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, mallory.Call));
        var unverified = await Assert.ThrowsAsync<RpcException>(() =>
            Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, unverifiedCarol.Call));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = "no-such-token" }, mallory.Call));

        Assert.Equal(StatusCode.PermissionDenied, wrong.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, unverified.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var carol = await Server.SignInAsync("carol", email: "carol@example.com");
        Assert.Equal(unverifiedCarol.UserId, carol.UserId); // same email, same subject
        var joined = await Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, carol.Call);
        Assert.Equal(Role.Member, joined.Role);
    }

    [Fact]
    public async Task An_invitation_expires_after_its_lifetime_on_the_services_clock()
    {
        var (admin, org) = await OrganizationAsync();
        var dave = await Server.SignInAsync("dave");
        var invited = await InviteAsync(admin, org, dave.Email, Role.Admin);

        Assert.Equal(TimeSpan.FromDays(7), invited.Invitation.ExpiresAt.ToDateTimeOffset() - invited.Invitation.CreatedAt.ToDateTimeOffset());
        Server.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var expired = await Assert.ThrowsAsync<RpcException>(() => Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, dave.Call));

        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Contains("expired", expired.Status.Detail);
        var list = await Orgs.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = org.OrganizationId, IncludeClosed = true }, admin.Call);
        Assert.Equal(InvitationState.Expired, Assert.Single(list.Invitations).State);
        var members = await Orgs.ListMembersAsync(new ListMembersRequest { OrganizationId = org.OrganizationId }, admin.Call);
        Assert.Equal(1, members.TotalCount);
    }

    [Fact]
    public async Task A_revoked_invitation_cannot_be_accepted()
    {
        var (admin, org) = await OrganizationAsync();
        var erin = await Server.SignInAsync("erin");
        var invited = await InviteAsync(admin, org, erin.Email);

        var revoked = await Orgs.RevokeInvitationAsync(new RevokeInvitationRequest
            { OrganizationId = org.OrganizationId, InvitationId = invited.Invitation.InvitationId }, admin.Call);
        var accept = await Assert.ThrowsAsync<RpcException>(() => Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invited.Token }, erin.Call));

        Assert.Equal(InvitationState.Revoked, revoked.State);
        Assert.Equal(StatusCode.FailedPrecondition, accept.StatusCode);
    }

    [Fact]
    public async Task The_member_limit_refuses_invitations_and_joins_with_a_message_stating_it()
    {
        var (admin, org) = await OrganizationAsync();
        var support = await Server.SignInAsync("support", platformRole: "support");
        await Orgs.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org.OrganizationId, MemberLimit = 3 }, support.Call);
        var first = await Server.SignInAsync("first");
        var second = await Server.SignInAsync("second");
        var firstInvite = await InviteAsync(admin, org, first.Email);
        var secondInvite = await InviteAsync(admin, org, second.Email);

        // 1 member + 2 pending = 3: a third invitation is refused.
        var third = await Assert.ThrowsAsync<RpcException>(() => InviteAsync(admin, org, "third@example.com"));
        Assert.Equal(StatusCode.FailedPrecondition, third.StatusCode);
        Assert.Equal("The organization has reached its member limit of 3.", third.Status.Detail);

        await Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = firstInvite.Token }, first.Call);
        await Orgs.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org.OrganizationId, MemberLimit = 2 }, support.Call);
        var join = await Assert.ThrowsAsync<RpcException>(() => Orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = secondInvite.Token }, second.Call));
        Assert.Equal(StatusCode.FailedPrecondition, join.StatusCode);
        Assert.Equal("The organization has reached its member limit of 2.", join.Status.Detail);

        var belowCount = await Assert.ThrowsAsync<RpcException>(() =>
            Orgs.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org.OrganizationId, MemberLimit = 1 }, support.Call));
        Assert.Equal(StatusCode.FailedPrecondition, belowCount.StatusCode);
        var byAdmin = await Assert.ThrowsAsync<RpcException>(() =>
            Orgs.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org.OrganizationId, MemberLimit = 50 }, admin.Call));
        Assert.Equal(StatusCode.PermissionDenied, byAdmin.StatusCode);
        var read = await Orgs.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org.OrganizationId }, admin.Call);
        Assert.Equal((2, 2), (read.MemberLimit, read.MemberCount));
    }

    [Fact]
    public async Task The_default_limit_is_ten()
    {
        var (admin, org) = await OrganizationAsync();
        for (var i = 0; i < 9; i++) await InviteAsync(admin, org, $"person{i}-{Guid.NewGuid():N}@example.com");

        var tenth = await Assert.ThrowsAsync<RpcException>(() => InviteAsync(admin, org, "one-too-many@example.com"));

        Assert.Equal("The organization has reached its member limit of 10.", tenth.Status.Detail);
    }
}
