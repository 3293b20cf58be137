using Platform.Contracts.Identity.V1;
using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>Two instances of the service: a membership change on one reaches the other's GetAccess cache through the events.</summary>
public sealed class AccessCacheTests(LocalServers servers)
{
    [Fact]
    public async Task A_change_on_one_instance_drops_the_cached_answer_on_another()
    {
        var database = await servers.CreateDatabaseAsync("identity");
        var broker = await servers.CreateVirtualHostAsync("identity");
        // A time to live far longer than the test: only the integration events can refresh instance B's answer.
        var settings = new Dictionary<string, string?> { ["Identity:Access:CacheTimeToLive"] = "01:00:00" };
        await using var a = await IdentityServer.StartAsync(database, broker, settings: settings);
        await using var b = await IdentityServer.StartAsync(database, broker, signingKey: a.SigningKey, settings: settings);
        var s = await OrganizationScenario.CreateAsync(a, members: 1);
        var request = new GetAccessRequest { UserId = s.Members[0].UserId, AccountId = s.Org.AccountId };

        Assert.Equal(Role.Member, (await b.Organizations.GetAccessAsync(request, b.AsService())).Role); // cached on B now
        await a.Organizations.ChangeMemberRoleAsync(new ChangeMemberRoleRequest
            { OrganizationId = s.Org.OrganizationId, UserId = s.Members[0].UserId, Role = Role.Admin }, s.Admin.Call);
        await Eventually.HoldsAsync(async () => (await b.Organizations.GetAccessAsync(request, b.AsService())).Role == Role.Admin,
            "instance B sees the promotion made on instance A");

        await a.Organizations.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = s.Org.OrganizationId, UserId = s.Members[0].UserId }, s.Admin.Call);
        await Eventually.HoldsAsync(async () => (await b.Organizations.GetAccessAsync(request, b.AsService())).Role == Role.Unspecified,
            "instance B sees the removal made on instance A");
    }
}
