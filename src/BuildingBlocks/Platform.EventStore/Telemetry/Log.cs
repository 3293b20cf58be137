using Microsoft.Extensions.Logging;

namespace Platform.EventStore;

// Ids, types, versions and positions only: event data and metadata may hold personal data and are never logged.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Event store schema {Schema} migrated to version {Version}: {Description}")]
    public static partial void SchemaMigrated(ILogger logger, string schema, int version, string description);

    [LoggerMessage(2, LogLevel.Debug, "Appended versions {First}-{Last} to stream {StreamId}")]
    public static partial void Appended(ILogger logger, string streamId, long first, long last);

    [LoggerMessage(3, LogLevel.Information, "Append to stream {StreamId} expecting {Expected} conflicted: {Reason}")]
    public static partial void AppendConflict(ILogger logger, string streamId, string expected, string reason);

    [LoggerMessage(4, LogLevel.Debug, "A group of {Appends} appends rolled back ({SqlState}); each is made again alone")]
    public static partial void GroupRolledBack(ILogger logger, int appends, string sqlState);

    [LoggerMessage(5, LogLevel.Debug, "The head of stream {StreamId} moved from version {Version} before append attempt {Attempt}; linking it again")]
    public static partial void HeadMoved(ILogger logger, string streamId, long version, int attempt);

    [LoggerMessage(10, LogLevel.Information, "Subscription {Subscription} is running from position {Position}")]
    public static partial void SubscriptionStarted(ILogger logger, string subscription, long position);

    [LoggerMessage(11, LogLevel.Error, "Subscription {Subscription} failed at position {Position}; it retries from its checkpoint")]
    public static partial void SubscriptionFailed(ILogger logger, Exception exception, string subscription, long position);

    [LoggerMessage(12, LogLevel.Debug, "Subscription {Subscription} skipped positions {From}-{To}: their transactions rolled back")]
    public static partial void GapSkipped(ILogger logger, string subscription, long from, long to);

    [LoggerMessage(13, LogLevel.Debug, "Subscription {Subscription} waits at position {Position} for a transaction still in progress")]
    public static partial void GapWaiting(ILogger logger, string subscription, long position);

    [LoggerMessage(14, LogLevel.Debug, "Subscription {Subscription} runs on another instance; this one stands by")]
    public static partial void StandingBy(ILogger logger, string subscription);

    [LoggerMessage(20, LogLevel.Warning, "Hash chain broken in stream {StreamId} at version {Version}: {Reason}")]
    public static partial void ChainBroken(ILogger logger, string streamId, long version, string reason);

    [LoggerMessage(21, LogLevel.Information, "Projection {Projection} rebuilt from {Events} events; {Differences} rows differ from the live tables")]
    public static partial void ProjectionRebuilt(ILogger logger, string projection, long events, long differences);
}
