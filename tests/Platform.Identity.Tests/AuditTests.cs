using System.Text.Json;
using Platform.Audit.V1;
using Platform.Contracts.Identity.V1;
using Platform.EventStore.Audit;
using Platform.Grpc;

namespace Platform.Identity.Tests;

public sealed class AuditTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task An_organizations_stream_holds_every_change_with_its_actor_and_its_chain_verifies()
    {
        var s = await OrganizationScenario.CreateAsync(Server, members: 1);
        var org = s.Org.OrganizationId;
        var support = await Server.SignInAsync("support", platformRole: "support");
        var auditor = await Server.SignInAsync("auditor", platformRole: "auditor");
        await Server.Organizations.RenameOrganizationAsync(new RenameOrganizationRequest { OrganizationId = org, Name = "Acme 2" }, s.Admin.Call);
        var invited = await Server.Organizations.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org, Email = "x@example.com" }, s.Admin.Call);
        await Server.Organizations.RevokeInvitationAsync(new RevokeInvitationRequest { OrganizationId = org, InvitationId = invited.Invitation.InvitationId }, s.Admin.Call);
        await Server.Organizations.ChangeMemberRoleAsync(new ChangeMemberRoleRequest { OrganizationId = org, UserId = s.Members[0].UserId, Role = Role.Admin }, s.Admin.Call);
        await Server.Organizations.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org, MemberLimit = 20 }, support.Call);
        await Server.Organizations.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org }, s.Admin.Call);
        var audit = new AuditClient(Server.Channel);

        var stream = await audit.ReadStreamAsync(new ReadStreamRequest { StreamId = $"organization-{org}" }, auditor.Call);
        var verified = await audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = $"organization-{org}" }, auditor.Call);

        Assert.Equal([
            "identity.organization-created", "identity.member-joined", "identity.member-invited", "identity.member-joined",
            "identity.organization-renamed", "identity.member-invited", "identity.invitation-revoked", "identity.member-role-changed",
            "identity.member-limit-changed", "identity.member-left"], stream.Events.Select(e => e.Type));
        string Actor(AuditEvent e) => JsonDocument.Parse(e.MetadataJson).RootElement.GetProperty("actor").GetString()!;
        Assert.Equal($"user:{s.Admin.UserId}", Actor(stream.Events[0]));
        Assert.Equal($"user:{s.Members[0].UserId}", Actor(stream.Events[3])); // the invitee accepted
        Assert.Equal($"user:{support.UserId}", Actor(stream.Events[8]));
        Assert.All(stream.Events, e => Assert.Equal("organization", e.StreamType));
        Assert.DoesNotContain(stream.Events, e => e.DataJson.Contains(invited.Token));
        Assert.True(verified.Valid);
        Assert.Equal(10, verified.EventsChecked);
        var member = await Assert.ThrowsAsync<RpcException>(() => audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = $"organization-{org}" }, s.Members[0].Call));
        Assert.Equal(StatusCode.PermissionDenied, member.StatusCode);
    }
}
