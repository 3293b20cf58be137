namespace Platform.Hosting.Local.Postgres;

public sealed record PostgresServerOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where the cluster lives and is kept between runs; null makes a throw-away one that is deleted on stop.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>False turns fsync off: faster, and acceptable only for tests whose data may be lost in a crash.</summary>
    public bool Durable { get; init; } = true;

    public int MaxConnections { get; init; } = 400;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
