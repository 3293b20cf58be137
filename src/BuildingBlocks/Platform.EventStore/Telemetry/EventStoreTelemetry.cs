using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.EventStore;

/// <summary>Traces and metrics under the name <c>Platform.EventStore</c> (ServiceDefaults listens to it).</summary>
public static class EventStoreTelemetry
{
    public const string Name = "Platform.EventStore";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EventsAppended = Meter.CreateCounter<long>("platform.eventstore.events.appended", "{event}");

    public static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("platform.eventstore.append.conflicts", "{conflict}");

    /// <summary>Appends linked to a head that had moved (another writer, or a stale cached head): linked again.</summary>
    public static readonly Counter<long> HeadMoved = Meter.CreateCounter<long>("platform.eventstore.append.head_moved", "{append}");

    public static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>("platform.eventstore.append.duration", "ms");

    /// <summary>How many appends shared one commit (group commit; 1 for an append alone is not recorded).</summary>
    public static readonly Histogram<int> AppendsPerCommit = Meter.CreateHistogram<int>("platform.eventstore.append.group_size", "{append}");

    public static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>("platform.eventstore.subscription.delivered", "{event}");
}
