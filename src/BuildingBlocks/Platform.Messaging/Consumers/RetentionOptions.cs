namespace Platform.Messaging;

/// <summary>How long consumers remember the message ids they processed (table <c>processed_messages</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Ids older than this are deleted. It must outlast every redelivery of a message (broker redelivery after a
    /// consumer crash, the outbox relay re-publishing after its own): seven days by default.
    /// <see cref="Timeout.InfiniteTimeSpan"/> keeps every id.
    /// </summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired ids are deleted.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Ids deleted per statement, so that a sweep never holds many row locks at once.</summary>
    public int BatchSize { get; set; } = 10_000;

    internal void Validate()
    {
        if (KeepFor != Timeout.InfiniteTimeSpan && KeepFor < TimeSpan.FromMinutes(1))
            throw new ArgumentException($"Retention.KeepFor must be at least one minute, or Timeout.InfiniteTimeSpan; it is {KeepFor}.", nameof(KeepFor));
        if (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromDays(1))
            throw new ArgumentException($"Retention.SweepInterval must be between one second and one day; it is {SweepInterval}.", nameof(SweepInterval));
        if (BatchSize is < 1 or > 1_000_000)
            throw new ArgumentException($"Retention.BatchSize must be between 1 and 1,000,000; it is {BatchSize}.", nameof(BatchSize));
    }
}
