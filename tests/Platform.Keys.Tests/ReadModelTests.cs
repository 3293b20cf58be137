using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Identity.V1;
using Platform.Contracts.Keys.V1;
using Platform.EventStore;
using Platform.Keys.Tests.Hosting;
using Platform.Testing;

namespace Platform.Keys.Tests;

/// <summary>The keys read model is exactly what the log says: a rebuild from every event matches it row for row.</summary>
public sealed class ReadModelTests(KeysEnvironment env) : IClassFixture<KeysEnvironment>
{
    [Fact]
    public async Task Rebuilding_the_keys_table_from_the_log_matches_the_live_table_after_every_kind_of_change()
    {
        var org = await env.CreateOrganizationAsync();
        var a = await env.Keys.CreateKeyAsync(new CreateKeyRequest
        {
            AccountId = org.AccountId, Name = "a", Limit = "0.000001", LimitReset = "weekly",
            ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        }, org.Member.Call);
        var b = await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId, "b", KeyKind.Management);
        await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = a.Key.Hash, Name = "a2", Limit = "100", Disabled = true }, org.Member.Call);
        await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = a.Key.Hash, Disabled = false }, org.Admin.Call);
        await env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = a.Key.Hash, GracePeriod = Duration.FromTimeSpan(TimeSpan.FromHours(1)) }, org.Member.Call);
        await env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = a.Key.Hash }, org.Member.Call);
        await env.Keys.DeleteKeyAsync(new DeleteKeyRequest { Hash = b.Key.Hash }, org.Admin.Call);
        await env.Organizations.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org.OrganizationId }, org.Member.Call);
        await Eventually.HoldsAsync(async () => (await env.Keys.GetKeyAsync(new GetKeyRequest { Hash = a.Key.Hash }, org.Admin.Call)).Disabled,
            "a member who leaves has their keys disabled too");

        var report = await env.KeysHosts[0].Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync("keys", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Matches, string.Join("; ", report.Tables));
        Assert.True(report.Tables.Single().LiveRows >= 2);
        var key = await env.Keys.GetKeyAsync(new GetKeyRequest { Hash = a.Key.Hash }, org.Admin.Call);
        Assert.Equal(("a2", "100", "weekly", 2, "member removed from organization"), (key.Name, key.Limit, key.LimitReset, key.RotationCount, key.DisabledReason));
    }
}
