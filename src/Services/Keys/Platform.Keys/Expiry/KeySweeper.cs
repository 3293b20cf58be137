using Platform.Domain;
using Platform.EventStore;
using Platform.Keys.Lifecycle;
using Platform.Keys.Storage;

namespace Platform.Keys.Expiry;

/// <summary>
/// Records what time did to keys: <c>KeyExpired</c> once a key's expiry passed, <c>KeyRotationGraceEnded</c> once a
/// rotated-out secret's grace passed. Authenticate does not wait for this (it checks the clock itself); the sweeper
/// writes the history and tells other services. Every instance sweeps; a concurrent duplicate loses on the version.
/// </summary>
public sealed partial class KeySweeper(KeyQueries queries, IEventStore store, KeyWriter writer, TimeProvider time,
    IConfiguration configuration, ILogger<KeySweeper> logger) : BackgroundService
{
    private readonly TimeSpan _interval = configuration.GetValue("Keys:Sweeper:Interval", TimeSpan.FromSeconds(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }
            await Task.Delay(_interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var hash in await queries.DueAsync(now, cancellationToken))
        {
            var key = await store.AggregateAsync<ApiKeyState>(KeyWriter.StreamId(hash), cancellationToken: cancellationToken);
            var state = key.State;
            var events = new List<object>();
            if (state.ExpiresAt is { } expires && expires <= now && !state.ExpiryRecorded && !state.Deleted)
                events.Add(new KeyExpired(hash, state.AccountId, expires));
            if (state.PreviousSecretValidUntil is { } until && until <= now)
                events.Add(new KeyRotationGraceEnded(hash, state.AccountId, state.RotationCount, until));
            if (events.Count == 0) continue;
            try
            {
                await writer.AppendAsync(hash, key.Expected, events, KeyWriter.ServiceActor, null, cancellationToken);
                LogRecorded(logger, hash, events.Count);
            }
            catch (ConflictException)
            {
                // Another instance (or a command) changed the key meanwhile; the next sweep looks again.
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Recorded {Count} time-driven event(s) on key {KeyHash}")]
    private static partial void LogRecorded(ILogger logger, string keyHash, int count);

    [LoggerMessage(LogLevel.Warning, "Key sweep failed; retrying")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
