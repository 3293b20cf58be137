using System.Text.Json;
using Platform.Contracts.Identity.V1;
using Platform.Testing;

namespace Platform.Identity.Tests;

public sealed class IntegrationEventTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task Membership_changes_reach_RabbitMQ_as_integration_events()
    {
        await using var listener = await IntegrationEventsListener.StartAsync(Server.Broker,
            "OrganizationCreated", "MemberJoined", "MemberRoleChanged", "MemberRemoved");
        var s = await OrganizationScenario.CreateAsync(Server, members: 2);
        var org = s.Org.OrganizationId;
        await Server.Organizations.ChangeMemberRoleAsync(new ChangeMemberRoleRequest { OrganizationId = org, UserId = s.Members[0].UserId, Role = Role.Admin }, s.Admin.Call);
        await Server.Organizations.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = org, UserId = s.Members[1].UserId }, s.Admin.Call);
        await Server.Organizations.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org }, s.Members[0].Call);

        List<(string Type, JsonElement Message, string MessageId)> Mine() =>
            listener.Received.Where(r => r.Message.GetProperty("organizationId").GetString() == org).ToList();
        await Eventually.HoldsAsync(() => Mine().Count == 7, "seven integration events of the organization arrive");

        var events = Mine();
        string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;
        Assert.Equal(["OrganizationCreated", "MemberJoined", "MemberJoined", "MemberJoined", "MemberRoleChanged", "MemberRemoved", "MemberRemoved"],
            events.Select(e => e.Type));
        var created = events[0].Message;
        Assert.Equal((s.Org.AccountId, "Acme", s.Admin.UserId), (Str(created, "accountId"), Str(created, "name"), Str(created, "creatorUserId")));
        Assert.Equal([(s.Admin.UserId, "admin"), (s.Members[0].UserId, "member"), (s.Members[1].UserId, "member")],
            events.Where(e => e.Type == "MemberJoined").Select(e => (Str(e.Message, "userId"), Str(e.Message, "role"))));
        var changed = events[4].Message;
        Assert.Equal((s.Members[0].UserId, "member", "admin", $"user:{s.Admin.UserId}"),
            (Str(changed, "userId"), Str(changed, "previousRole"), Str(changed, "role"), Str(changed, "actorId")));
        Assert.Equal([(s.Members[1].UserId, "removed", $"user:{s.Admin.UserId}"), (s.Members[0].UserId, "left", $"user:{s.Members[0].UserId}")],
            events.Where(e => e.Type == "MemberRemoved").Select(e => (Str(e.Message, "userId"), Str(e.Message, "reason"), Str(e.Message, "actorId"))));
        Assert.All(events, e => Assert.Equal(s.Org.AccountId, Str(e.Message, "accountId")));
        Assert.Equal(7, events.Select(e => e.MessageId).Distinct().Count());
    }
}
