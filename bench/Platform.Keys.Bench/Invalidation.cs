using System.Diagnostics;
using Platform.Authentication.Callers;
using Platform.Contracts.Keys.V1;
using Platform.Keys.Authentication;
using Platform.Keys.Lifecycle;

namespace Platform.Keys.Bench;

/// <summary>
/// How long after a key is disabled on one instance another instance (which had the key cached) refuses it: the path
/// through the outbox relay, RabbitMQ and the other instance's own queue.
/// </summary>
public static class Invalidation
{
    public static async Task<Latencies> MeasureAsync(KeyCommands commands, Caller manager, string accountId, KeyAuthenticator other, int samples)
    {
        var latencies = new Latencies();
        for (var i = 0; i < samples; i++)
        {
            var (key, secret) = await commands.CreateAsync(manager, new CreateKeyRequest { AccountId = accountId, Name = $"revoke {i}" }, CancellationToken.None);
            if (await other.AuthenticateAsync(secret, CancellationToken.None) is null) throw new InvalidOperationException("The other instance refused a live key.");
            await Task.Delay(100); // let the KeyCreated event pass, so only the disable is measured
            _ = await other.AuthenticateAsync(secret, CancellationToken.None);
            var start = Stopwatch.GetTimestamp();
            await commands.UpdateAsync(manager, new UpdateKeyRequest { Hash = key.Hash, Disabled = true }, CancellationToken.None);
            while (await other.AuthenticateAsync(secret, CancellationToken.None) is not null)
            {
                if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(30)) throw new TimeoutException("The other instance never dropped the key.");
                await Task.Delay(1);
            }
            latencies.AddTicks(Stopwatch.GetTimestamp() - start);
        }
        return latencies;
    }
}
