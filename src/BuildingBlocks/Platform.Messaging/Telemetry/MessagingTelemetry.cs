using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Messaging;

/// <summary>Traces and metrics under the name <c>Platform.Messaging</c>.</summary>
public static class MessagingTelemetry
{
    public const string Name = "Platform.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("platform.messaging.relay.published", "{message}");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("platform.messaging.consumer.duplicates", "{message}");

    public static readonly Counter<long> ProcessedIdsDeleted = Meter.CreateCounter<long>("platform.messaging.consumer.processed_ids.deleted", "{id}");
}
