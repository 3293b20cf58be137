using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Identity.V1;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A client that authenticates continuously with a key's secret while the key is rotated: the old secret works for the
/// whole grace period and stops right after it; the new one works from the moment it is returned.
/// </summary>
public sealed class RotationUnderLoadTests(PlatformUnderAppHost platform)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private sealed record Attempt(DateTimeOffset Started, DateTimeOffset Finished, bool Accepted);

    [Fact]
    public async Task The_old_secret_never_fails_during_the_grace_period_and_always_fails_after_it()
    {
        using var session = new Session(platform);
        var (owner, _) = await session.SignInAsync($"rotor-{Guid.NewGuid():N}@example.com", "Rotor");
        var service = await session.ServiceTokenAsync("gateway");
        var me = await session.Organizations.GetMeAsync(new GetMeRequest(), Session.As(owner));
        var key = await session.Keys.CreateKeyAsync(new CreateKeyRequest { AccountId = me.PersonalAccountId, Name = "rotating" }, Session.As(owner));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var attempts = new ConcurrentBag<Attempt>();
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                attempts.Add(await AttemptAsync(session, key.Secret, service));
        })).ToList();

        await Task.Delay(500, TestContext.Current.CancellationToken); // load before the rotation
        var rotated = await session.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = key.Key.Hash, GracePeriod = Duration.FromTimeSpan(Grace) },
            Session.As(owner));
        var validUntil = rotated.PreviousSecretValidUntil.ToDateTimeOffset();
        var fresh = await AttemptAsync(session, rotated.Secret, service);
        while (DateTimeOffset.UtcNow < validUntil + TimeSpan.FromSeconds(1.5))
            await Task.Delay(100, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.True(fresh.Accepted, "the new secret must work at once");
        var during = attempts.Where(a => a.Finished < validUntil).ToList();
        var after = attempts.Where(a => a.Started > validUntil + TimeSpan.FromMilliseconds(50)).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{during.Count} calls during the grace period, {after.Count} after it");
        Assert.NotEmpty(during);
        Assert.NotEmpty(after);
        Assert.All(during, a => Assert.True(a.Accepted, $"refused during the grace period at {a.Started:O}"));
        Assert.All(after, a => Assert.False(a.Accepted, $"accepted after the grace period at {a.Started:O}"));
    }

    private static async Task<Attempt> AttemptAsync(Session session, string secret, string service)
    {
        var started = DateTimeOffset.UtcNow;
        try
        {
            await session.Keys.AuthenticateAsync(new AuthenticateRequest { Secret = secret }, Session.As(service));
            return new Attempt(started, DateTimeOffset.UtcNow, true);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return new Attempt(started, DateTimeOffset.UtcNow, false);
        }
    }
}
