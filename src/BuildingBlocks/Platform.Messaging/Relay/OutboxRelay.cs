using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.EventStore;

namespace Platform.Messaging;

/// <summary>
/// The outbox relay: a subscriber that publishes each mapped event with MessageId = the stored event's id (so
/// consumers de-duplicate), one after another in log order, each awaited until the broker confirmed. The
/// subscription moves its checkpoint only after the whole batch was confirmed; a crash before that re-publishes.
/// </summary>
public sealed class OutboxRelay(IBus bus, RelayMappings mappings, ILogger<OutboxRelay> logger) : ISubscriber
{
    public async Task HandleAsync(SubscriptionBatch batch, CancellationToken cancellationToken)
    {
        foreach (var recorded in batch.Events)
        {
            if (!mappings.TryMap(recorded, out var message)) continue;
            using var activity = MessagingTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer);
            activity?.SetTag("messaging.message.id", recorded.Id);
            activity?.SetTag("messaging.destination.name", message.GetType().Name);
            await bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = recorded.Id;
                if (Guid.TryParse(recorded.Metadata.CorrelationId, out var correlation)) context.CorrelationId = correlation;
                context.Headers.Set("platform-stream-id", recorded.StreamId);
                context.Headers.Set("platform-event-type", recorded.Type);
                context.Headers.Set("platform-position", recorded.Position);
            }), cancellationToken);
            MessagingTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", message.GetType().Name));
            Log.Published(logger, recorded.Id, recorded.Type, recorded.Position);
        }
    }
}
