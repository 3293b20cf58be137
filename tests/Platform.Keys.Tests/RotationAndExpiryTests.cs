using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Keys.Tests.Hosting;
using Platform.Testing;

namespace Platform.Keys.Tests;

/// <summary>Rotation grace and expiry on the Keys instances' manual clock: judged at call time, to the second.</summary>
public sealed class RotationAndExpiryTests(ClockedKeysEnvironment env) : IClassFixture<ClockedKeysEnvironment>
{
    [Fact]
    public async Task The_old_secret_works_during_the_grace_period_and_stops_when_it_ends()
    {
        var org = await env.CreateOrganizationAsync();
        var created = await env.Keys.CreateKeyAsync(org.Member.Call, org.AccountId);
        var rotatedAt = env.Clock.GetUtcNow();

        var rotated = await env.Keys.RotateKeyAsync(new RotateKeyRequest
        {
            Hash = created.Key.Hash, GracePeriod = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)),
        }, org.Member.Call);
        var old = await env.Keys.AuthenticateAsync(new AuthenticateRequest { Secret = created.Secret }, env.AsService());
        var current = await env.Keys.AuthenticateAsync(new AuthenticateRequest { Secret = rotated.Secret }, env.AsService());

        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.Equal(created.Key.Hash, rotated.Key.Hash);
        Assert.Equal(1, rotated.Key.RotationCount);
        Assert.Equal($"sk-plt-v1-{rotated.Secret[10..13]}...{rotated.Secret[^3..]}", rotated.Key.Label);
        Assert.InRange(rotated.PreviousSecretValidUntil.ToDateTimeOffset() - rotatedAt, TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Equal((true, false), (old.PreviousSecret, current.PreviousSecret));

        env.Clock.Set(rotated.PreviousSecretValidUntil.ToDateTimeOffset().AddSeconds(-1));
        Assert.True(await env.AuthenticatesAsync(created.Secret));
        env.Clock.Set(rotated.PreviousSecretValidUntil.ToDateTimeOffset());
        Assert.False(await env.AuthenticatesAsync(created.Secret));
        Assert.True(await env.AuthenticatesAsync(rotated.Secret));

        await Eventually.HoldsAsync(async () => (await env.KeyStreamAsync(created.Key.Hash)).Any(e => e.Type == "keys.key-rotation-grace-ended"),
            "the sweeper records the end of the grace period");
        var key = await env.Keys.GetKeyAsync(new GetKeyRequest { Hash = created.Key.Hash }, org.Member.Call);
        Assert.Null(key.PreviousSecretValidUntil);
    }

    [Fact]
    public async Task A_second_rotation_during_a_grace_period_ends_the_first_grace_at_once()
    {
        var org = await env.CreateOrganizationAsync();
        var created = await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId);
        var oneHour = Duration.FromTimeSpan(TimeSpan.FromHours(1));

        var first = await env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = created.Key.Hash, GracePeriod = oneHour }, org.Admin.Call);
        Assert.True(await env.AuthenticatesAsync(created.Secret));
        var second = await env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = created.Key.Hash, GracePeriod = oneHour }, org.Admin.Call);

        Assert.False(await env.AuthenticatesAsync(created.Secret));
        Assert.True(await env.AuthenticatesAsync(first.Secret));
        Assert.True(await env.AuthenticatesAsync(second.Secret));
        Assert.Equal(["keys.key-created", "keys.key-rotated", "keys.key-rotation-grace-ended", "keys.key-rotated"],
            (await env.KeyStreamAsync(created.Key.Hash)).Select(e => e.Type));
    }

    [Fact]
    public async Task Rotating_without_a_grace_period_retires_the_old_secret_at_once()
    {
        var org = await env.CreateOrganizationAsync();
        var created = await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId);
        Assert.True(await env.AuthenticatesAsync(created.Secret));

        var rotated = await env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = created.Key.Hash }, org.Admin.Call);

        Assert.Null(rotated.PreviousSecretValidUntil);
        Assert.False(await env.AuthenticatesAsync(created.Secret));
        Assert.True(await env.AuthenticatesAsync(rotated.Secret));
    }

    [Fact]
    public async Task A_key_stops_at_its_expiry_to_the_second_and_the_expiry_is_recorded()
    {
        var org = await env.CreateOrganizationAsync();
        var expires = DateTimeOffset.FromUnixTimeSeconds(env.Clock.GetUtcNow().ToUnixTimeSeconds() + 600);
        var created = await env.Keys.CreateKeyAsync(new CreateKeyRequest
        {
            AccountId = org.AccountId, Name = "temp", Kind = KeyKind.Management, ExpiresAt = Timestamp.FromDateTimeOffset(expires),
        }, org.Admin.Call);

        env.Clock.Set(expires.AddSeconds(-1));
        Assert.True(await env.AuthenticatesAsync(created.Secret));
        Assert.Equal(StatusCode.OK, await People.StatusOf(() => env.Keys.GetCurrentKeyAsync(new GetCurrentKeyRequest(), Credentials.Bearer(created.Secret))));
        env.Clock.Set(expires);
        Assert.False(await env.AuthenticatesAsync(created.Secret));
        Assert.Equal(StatusCode.Unauthenticated, await People.StatusOf(() =>
            env.Keys.GetCurrentKeyAsync(new GetCurrentKeyRequest(), Credentials.Bearer(created.Secret))));

        await Eventually.HoldsAsync(async () => (await env.KeyStreamAsync(created.Key.Hash)).Any(e => e.Type == "keys.key-expired"),
            "the sweeper records the expiry");
        var stream = await env.KeyStreamAsync(created.Key.Hash);
        Assert.Contains("\"actor\":\"service:keys\"", stream.Single(e => e.Type == "keys.key-expired").MetadataJson);
    }

    [Fact]
    public async Task Clients_authenticating_continuously_see_no_failure_through_a_rotation_and_only_failures_after_the_grace()
    {
        var org = await env.CreateOrganizationAsync();
        var created = await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId);
        // A call is judged only when it lay wholly before the clock moved past the grace, or wholly after.
        var results = new System.Collections.Concurrent.ConcurrentQueue<(bool Ok, bool Before, bool After)>();
        bool ending = false, ended = false;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var after = Volatile.Read(ref ended);
                var ok = await env.AuthenticatesAsync(created.Secret);
                results.Enqueue((ok, !Volatile.Read(ref ending), after));
            }
        })).ToArray();
        await Eventually.HoldsAsync(() => results.Count >= 100, "clients are authenticating");

        var rotated = await env.Keys.RotateKeyAsync(new RotateKeyRequest
        {
            Hash = created.Key.Hash, GracePeriod = Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
        }, org.Admin.Call);
        var duringGrace = results.Count;
        await Eventually.HoldsAsync(() => results.Count >= duringGrace + 200, "clients go on through the rotation");
        Volatile.Write(ref ending, true);
        env.Clock.Set(rotated.PreviousSecretValidUntil.ToDateTimeOffset());
        Volatile.Write(ref ended, true);
        var countAtEnd = results.Count;
        await Eventually.HoldsAsync(() => results.Count >= countAtEnd + 200, "clients go on after the grace");
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.True(results.Count(r => r.Before) >= 300);
        Assert.True(results.Count(r => r.After) >= 150);
        Assert.All(results.Where(r => r.Before), r => Assert.True(r.Ok));
        Assert.All(results.Where(r => r.After), r => Assert.False(r.Ok));
        Assert.True(await env.AuthenticatesAsync(rotated.Secret));
    }
}
