using System.Text.Json;

namespace Platform.EventStore;

/// <summary>What a service configures in <c>AddEventStore</c>.</summary>
public sealed class EventStoreOptions
{
    /// <summary>The PostgreSQL schema of the store's tables (a plain lower-case identifier).</summary>
    public string Schema { get; set; } = "events";

    public EventTypes Events { get; } = new();

    /// <summary>System.Text.Json options for event records (money: decimals written as strings).</summary>
    public JsonSerializerOptions Json { get; } = EventSerializer.DefaultOptions();

    public ProjectionRegistrations Projections { get; } = new();

    public SubscriptionRegistrations Subscriptions { get; } = new();

    /// <summary>How long an idle subscription waits before it looks for new events again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many events a subscription reads at once.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Whether and how concurrent appends share a commit.</summary>
    public GroupCommitOptions GroupCommit { get; } = new();

    internal void Validate()
    {
        GroupCommit.Validate();
        if (Schema is not { Length: > 0 and <= 63 } || Schema[0] is not (>= 'a' and <= 'z') ||
            !Schema.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            throw new ArgumentException($"'{Schema}' is not a plain lower-case schema name.", nameof(Schema));
        if (BatchSize is < 1 or > 10_000) throw new ArgumentException("BatchSize is 1 to 10,000.", nameof(BatchSize));
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentException("PollInterval must be positive.", nameof(PollInterval));
    }
}
