namespace Platform.AppHost.Orchestration;

/// <summary>Starts, watches and stops the resources of one kind; reports through the <see cref="ResourceBoard"/>.</summary>
internal abstract class ResourceRunner
{
    /// <summary>The names this runner reports (a server and its databases, say).</summary>
    public abstract IReadOnlyList<ResourceSnapshot> Declare();

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();

    /// <summary>Probes health and records it on the board; stopped resources are left alone.</summary>
    public abstract Task CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>What endpoints.json says about this runner's resources: name -> (endpoint or "connectionString") -> value.</summary>
    public abstract IEnumerable<KeyValuePair<string, Dictionary<string, string>>> Describe();
}
