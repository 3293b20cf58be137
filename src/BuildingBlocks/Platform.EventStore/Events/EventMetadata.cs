using System.Diagnostics;

namespace Platform.EventStore;

/// <summary>
/// Who and what caused an append. Stored with every event and covered by the hash chain.
/// Never put secrets here: metadata is shown to auditors and support.
/// </summary>
public sealed record EventMetadata(
    string? Actor = null,
    string? CorrelationId = null,
    string? CausationId = null,
    string? TraceId = null)
{
    public static readonly EventMetadata Empty = new();

    /// <summary>Metadata for <paramref name="actor"/>, with the trace id of <see cref="Activity.Current"/> (if any).</summary>
    public static EventMetadata For(string? actor, string? correlationId = null, string? causationId = null) =>
        new(actor, correlationId, causationId, CurrentTraceId());

    /// <summary>Fills a missing trace id from <see cref="Activity.Current"/>.</summary>
    public EventMetadata WithCurrentTrace() => TraceId is null && CurrentTraceId() is { } trace ? this with { TraceId = trace } : this;

    private static string? CurrentTraceId() =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
}
