namespace Platform.Messaging;

public sealed class MessagingOptions
{
    /// <summary>The PostgreSQL schema of the processed-messages table (in the service's own database).</summary>
    public string Schema { get; set; } = "messaging";

    /// <summary>How long processed message ids are kept before a sweep deletes them.</summary>
    public RetentionOptions Retention { get; } = new();

    internal void Validate()
    {
        if (Schema is not { Length: > 0 and <= 63 } || Schema[0] is not (>= 'a' and <= 'z') ||
            !Schema.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            throw new ArgumentException($"'{Schema}' is not a plain lower-case schema name.", nameof(Schema));
        Retention.Validate();
    }
}
