using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Keys.V1;
using Platform.Keys.Authentication;
using Platform.Keys.Caching;
using Platform.Keys.Tests.Hosting;
using Platform.Testing;

namespace Platform.Keys.Tests;

/// <summary>
/// Two Keys instances on one database. A change taken by one instance drops the key from its own cache at once and
/// from the other's through the Key* integration events on that instance's own queue.
/// </summary>
public sealed class CrossInstanceCacheTests(TwoKeysInstances env) : IClassFixture<TwoKeysInstances>
{
    [Fact]
    public async Task Disabling_rotating_and_deleting_on_one_instance_reach_the_other_instances_cache()
    {
        var org = await env.CreateOrganizationAsync();
        var created = await env.KeysOn(0).CreateKeyAsync(org.Admin.Call, org.AccountId);
        var otherCache = env.KeysHosts[1].Services.GetRequiredService<KeySnapshotCache>();
        Assert.True(await env.AuthenticatesAsync(created.Secret, instance: 0));
        // The other instance holds the key in its cache (the KeyCreated event may drop a first load that raced with it).
        var cached = SecretHashKey.From(KeySecret.Hash(created.Secret));
        await Eventually.HoldsAsync(async () => await env.AuthenticatesAsync(created.Secret, instance: 1) && otherCache.TryGet(cached, out var s) && s is not null,
            "instance 1 caches the key");

        await env.KeysOn(0).UpdateKeyAsync(new UpdateKeyRequest { Hash = created.Key.Hash, Disabled = true }, org.Admin.Call);

        Assert.False(await env.AuthenticatesAsync(created.Secret, instance: 0)); // at once where the change was taken
        await Eventually.HoldsAsync(async () => !await env.AuthenticatesAsync(created.Secret, instance: 1), "the other instance drops the key");

        await env.KeysOn(1).UpdateKeyAsync(new UpdateKeyRequest { Hash = created.Key.Hash, Disabled = false }, org.Admin.Call);
        Assert.True(await env.AuthenticatesAsync(created.Secret, instance: 1));
        await Eventually.HoldsAsync(() => env.AuthenticatesAsync(created.Secret, instance: 0), "instance 0 sees the key enabled again");

        var rotated = await env.KeysOn(1).RotateKeyAsync(new RotateKeyRequest { Hash = created.Key.Hash }, org.Admin.Call);
        await Eventually.HoldsAsync(async () => !await env.AuthenticatesAsync(created.Secret, instance: 0), "instance 0 drops the retired secret");
        Assert.True(await env.AuthenticatesAsync(rotated.Secret, instance: 0));

        await env.KeysOn(0).DeleteKeyAsync(new DeleteKeyRequest { Hash = created.Key.Hash }, org.Admin.Call);
        await Eventually.HoldsAsync(async () => !await env.AuthenticatesAsync(rotated.Secret, instance: 1), "instance 1 drops the deleted key");
    }
}
