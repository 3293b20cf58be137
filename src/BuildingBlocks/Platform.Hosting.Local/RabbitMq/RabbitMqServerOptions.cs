namespace Platform.Hosting.Local.RabbitMq;

public sealed record RabbitMqServerOptions
{
    /// <summary>AMQP port on 127.0.0.1; 0 picks a free one.</summary>
    public int AmqpPort { get; init; }

    /// <summary>Erlang distribution port (used by rabbitmqctl); 0 picks a free one.</summary>
    public int DistributionPort { get; init; }

    /// <summary>This node's own Erlang port mapper, so nodes never share one; 0 picks a free one.</summary>
    public int EpmdPort { get; init; }

    /// <summary>Where the node keeps its state between runs; null makes a throw-away one deleted on stop.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Defaults to <c>platform-&lt;amqp port&gt;@localhost</c>.</summary>
    public string? NodeName { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
